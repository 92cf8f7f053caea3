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

/** "37,6 °C" and "97 %" fit the big size; "128/82 mmHg" or "102,4 kg" take a smaller one to stay whole. */
const LONG_VALUE = 7;

/**
 * One device: its state in words (never colour alone), then its reading, or what the person should
 * do. A reading the formatter refuses as implausible is treated as no reading at all: nothing of it is shown.
 */
export function DeviceCard({ kind, status, reading, measuring, language }: Props) {
  const t = useText(language);
  const view = deviceView(kind);
  const text = reading ? view.reading(reading, language, t) : null;
  // The pictogram breathes while a step waits for the device: something is under way.
  const waiting = measuring?.phase === 'waiting' && status.state === 'ready';
  return (
    <section className={`device-card device-card--${status.state}`} aria-labelledby={`${kind}-title`} data-device={kind}>
      {view.pictogram(`device-card__pictogram${waiting ? ' pictogram--pulse' : ''}`)}
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
              <p className={`reading__value${text.value.length > LONG_VALUE ? ' reading__value--long' : ''}`}><bdi dir="ltr">{text.value}</bdi></p>
              {text.detail && <p className="reading__detail">{text.detail}</p>}
              {text.notes?.map((note) => <p key={note} className="reading__note">{note}</p>)}
            </>
          )}
          {/* A reading says all there is to say, unless the device has since gone away. */}
          {(!text || status.state === 'offline') && <Guidance kind={kind} status={status} measuring={measuring} t={t} />}
        </div>
      </div>
    </section>
  );
}

/**
 * What the person should know or do, one short sentence a line. A fault is told in plain words; its
 * technical reason goes to the agent (device health) and the logs, never to the citizen's screen.
 */
function Guidance({ kind, status, measuring, t }: { kind: MeasuringKind; status: DeviceStatus; measuring: Measuring | null; t: TFunction }) {
  if (status.state === 'offline' || measuring?.phase === 'failed') {
    return (
      <>
        <p className="device-card__message">{t(`${kind}.offline`)}</p>
        <p className="device-card__help">{t('device.offlineHelp')}</p>
      </>
    );
  }
  // The device answers, but no reading came in its time: most often it was not switched on or not used.
  if (measuring?.phase === 'no-reading') {
    return (
      <>
        <p className="device-card__message">{t(`${kind}.noReading`)}</p>
        <p className="device-card__help">{t(`${kind}.noReadingHelp`)}</p>
      </>
    );
  }
  if (status.state === 'connecting' || measuring?.phase === 'arming') {
    return <p className="device-card__message">{t(`${kind}.connecting`)}</p>;
  }
  return (
    <>
      <Instructions lines={deviceView(kind).instructions(t)} />
      {measuring?.phase === 'waiting' && (
        <p className="device-card__progress"><WaitingDots />{t('device.measuring')}</p>
      )}
      <p className="device-card__message">{t('device.resultHere')}</p>
    </>
  );
}

/** Several steps are numbered, in order; a single one is just said. */
function Instructions({ lines }: { lines: string[] }) {
  if (lines.length === 1) return <p className="device-card__message">{lines[0]}</p>;
  return (
    <ol className="device-card__instructions">
      {lines.map((line) => <li key={line} className="device-card__message">{line}</li>)}
    </ol>
  );
}
