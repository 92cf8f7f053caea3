import type { TFunction } from 'i18next';
import type { DeviceStatus, MeasuringKind } from '../../../common/devices';
import type { Language } from '../../../common/language';
import type { Measurement } from '../../../common/measurements';
import type { Measuring } from '../../../common/snapshot';
import { deviceView } from '../devices/deviceViews';
import { useText } from '../i18n/useText';
import { CheckPictogram, CrossPictogram, WaitingDots } from './pictograms';

interface Props {
  kind: MeasuringKind;
  status: DeviceStatus;
  /** The reading to show, if any. */
  reading: Measurement | undefined;
  /** On the measure screen, where the step stands; on home, null. */
  measuring: Measuring | null;
  language: Language;
}

const STATUS_ICONS = {
  connecting: <WaitingDots className="waiting-dots--small" />,
  ready: <CheckPictogram className="status__icon" />,
  offline: <CrossPictogram className="status__icon" />,
} as const;

/**
 * One device: its state in words (never colour alone), then its reading, or what the person should
 * do. A reading the formatter refuses as implausible is treated as no reading at all: nothing of it is shown.
 */
export function DeviceCard({ kind, status, reading, measuring, language }: Props) {
  const t = useText(language);
  const view = deviceView(kind);
  const text = reading ? view.reading(reading, language, t) : null;
  return (
    <section className={`device-card device-card--${status.state}`} aria-labelledby={`${kind}-title`} data-device={kind}>
      {view.pictogram('device-card__pictogram')}
      <div className="device-card__body">
        <div className="device-card__heading">
          <h2 id={`${kind}-title`}>{t(`${kind}.title`)}</h2>
          <p className="status">
            {STATUS_ICONS[status.state]}
            {t(`device.status.${status.state}`)}
          </p>
        </div>
        {/* Announced when a reading arrives or the device's state changes. */}
        <div aria-live="polite" className="device-card__live">
          {text && (
            <>
              <p className="reading__label">{t(`${kind}.reading`)}</p>
              {/* "37.6 °C" reads left to right in every language: isolated, an Arabic line cannot turn it into "°C 37.6". */}
              <p className="reading__value"><bdi dir="ltr">{text.value}</bdi></p>
              {text.detail && <p className="reading__detail">{text.detail}</p>}
            </>
          )}
          {/* A reading says all there is to say, unless the device has since gone away. */}
          {(!text || status.state === 'offline') && <Guidance kind={kind} status={status} measuring={measuring} t={t} />}
        </div>
      </div>
    </section>
  );
}

/** What the person should know or do, one short sentence a line. */
function Guidance({ kind, status, measuring, t }: { kind: MeasuringKind; status: DeviceStatus; measuring: Measuring | null; t: TFunction }) {
  const failure = measuring?.phase === 'failed' ? measuring.failure : null;
  if (status.state === 'offline' || failure !== null) {
    return (
      <>
        <p className="device-card__message">{t(`${kind}.offline`)}</p>
        <p className="device-card__help">{t('device.offlineHelp')}</p>
        <p className="device-card__detail">{t('device.offlineDetail', { reason: failure ?? (status.state === 'offline' ? status.reason : '') })}</p>
      </>
    );
  }
  if (status.state === 'connecting' || measuring?.phase === 'arming') {
    return <p className="device-card__message">{t(`${kind}.connecting`)}</p>;
  }
  return (
    <>
      <p className="device-card__message">{t(`${kind}.waiting`)}</p>
      <p className="device-card__message">{t('device.resultHere')}</p>
    </>
  );
}
