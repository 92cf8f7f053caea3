import type { TFunction } from 'i18next';
import type { DeviceStatus } from '../../../common/devices';
import type { Language } from '../../../common/language';
import type { TemperatureMeasurement } from '../../../common/measurements';
import { formatCelsius } from '../i18n/temperature';
import { useText } from '../i18n/useText';
import { CheckPictogram, CrossPictogram, ThermometerPictogram, WaitingDots } from './pictograms';

interface Props {
  status: DeviceStatus;
  reading: TemperatureMeasurement | null;
  language: Language;
}

const STATUS_ICONS = {
  connecting: <WaitingDots className="waiting-dots--small" />,
  ready: <CheckPictogram className="status__icon" />,
  offline: <CrossPictogram className="status__icon" />,
} as const;

/**
 * The thermometer's state in words (never colour alone), and the latest reading once there is one.
 * A reading the formatter refuses as implausible is treated as no reading at all: nothing of it is shown.
 */
export function ThermometerCard({ status, reading: received, language }: Props) {
  const t = useText(language);
  const value = received && formatCelsius(received.celsius, language);
  const reading = value ? received : null;
  return (
    <section className={`thermometer thermometer--${status.state}`} aria-labelledby="thermometer-title">
      <ThermometerPictogram className="thermometer__pictogram" />
      <div className="thermometer__body">
        <div className="thermometer__heading">
          <h2 id="thermometer-title">{t('thermometer.title')}</h2>
          <p className="status">
            {STATUS_ICONS[status.state]}
            {t(`thermometer.status.${status.state}`)}
          </p>
        </div>
        {/* Announced when a reading arrives or the thermometer's state changes. */}
        <div aria-live="polite" className="thermometer__live">
          {reading && (
            <>
              <p className="reading__label">{t('thermometer.reading')}</p>
              <p className="reading__value">{value}</p>
              {reading.site && <p className="reading__site">{t(`bodySite.${reading.site}`)}</p>}
            </>
          )}
          {/* A reading says all there is to say, unless the thermometer has since gone away. */}
          {(!reading || status.state === 'offline') && <StatusMessage status={status} t={t} />}
        </div>
      </div>
    </section>
  );
}

/** What the person should know or do, one short sentence a line. */
function StatusMessage({ status, t }: { status: DeviceStatus; t: TFunction }) {
  switch (status.state) {
    case 'connecting':
      return <p className="thermometer__message">{t('thermometer.connecting')}</p>;
    case 'ready':
      return (
        <>
          <p className="thermometer__message">{t('thermometer.waiting')}</p>
          <p className="thermometer__message">{t('thermometer.resultHere')}</p>
        </>
      );
    case 'offline':
      return (
        <>
          <p className="thermometer__message">{t('thermometer.offline')}</p>
          <p className="thermometer__help">{t('thermometer.offlineHelp')}</p>
          <p className="thermometer__detail">{t('thermometer.offlineDetail', { reason: status.reason })}</p>
        </>
      );
  }
}
