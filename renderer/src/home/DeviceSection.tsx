import { MEASURING_KINDS } from '../../../common/devices';
import { DeviceCard } from '../components/DeviceCard';
import { useText } from '../i18n/useText';
import type { ScreenProps } from '../screens/screenProps';

/** The kiosk's measuring devices with this visit's readings; nothing at all on a kiosk without devices. */
export function DeviceSection({ snapshot, send }: ScreenProps) {
  const t = useText(snapshot.language);
  const kinds = MEASURING_KINDS.filter((kind) => snapshot.devices[kind]);
  if (kinds.length === 0) return null;
  return (
    <section className="home-section" aria-labelledby="devices-title">
      <h2 id="devices-title" className="home-section-title">{t('home.devices')}</h2>
      {/* Only invite a measurement the kiosk can take; when offline the card says what to do instead. */}
      {kinds.some((kind) => snapshot.devices[kind]?.state !== 'offline') && <p className="lead">{t('home.intro')}</p>}
      <div className="device-list">
        {kinds.map((kind) => {
          const status = snapshot.devices[kind]!;
          return (
            <div className="device-list__item" key={kind}>
              <DeviceCard kind={kind} status={status} reading={snapshot.measurements[kind]} measuring={null} language={snapshot.language} />
              {status.state !== 'offline' && (
                <button type="button" className="button button--primary" onClick={() => send({ type: 'MEASURE.START', kind })}>
                  {t(`${kind}.start`)}
                </button>
              )}
            </div>
          );
        })}
      </div>
    </section>
  );
}
