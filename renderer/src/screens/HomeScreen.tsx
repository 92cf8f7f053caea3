import { DEVICE_KINDS } from '../../../common/devices';
import { DeviceCard } from '../components/DeviceCard';
import { useText } from '../i18n/useText';
import { hostOf, type ScreenProps } from './screenProps';

/** The visit itself: a greeting, each device this kiosk has with its last reading, the official sites it offers, and a way to leave. */
export function HomeScreen({ snapshot, send }: ScreenProps) {
  const t = useText(snapshot.language);
  const kinds = DEVICE_KINDS.filter((kind) => snapshot.devices[kind]);
  return (
    <main className="screen screen--visit" data-screen="home">
      <header>
        <h1 className="title">{t('home.greeting')}</h1>
        {/* Only invite a measurement the kiosk can take; when offline the card says what to do instead. */}
        {kinds.some((kind) => snapshot.devices[kind]?.state !== 'offline') && <p className="lead">{t('home.intro')}</p>}
      </header>
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
      {snapshot.siteTiles.length > 0 && (
        <nav className="site-tiles" aria-labelledby="site-tiles-title">
          <h2 id="site-tiles-title" className="site-tiles__title">{t('home.sites')}</h2>
          {snapshot.siteTiles.map((tile) => (
            <button type="button" className="button site-tile" key={tile.url} onClick={() => send({ type: 'SITE.OPEN', url: tile.url })}>
              <span className="site-tile__label">{tile.label[snapshot.language] ?? hostOf(tile.url)}</span>
              <span className="site-tile__host">{hostOf(tile.url)}</span>
            </button>
          ))}
        </nav>
      )}
      {/* Stands in for the guided visit's help button (visit-screens' HelpButton), which sends the same event. */}
      <button type="button" className="button button--choice" onClick={() => send({ type: 'HELP.ASK' })}>{t('help.ask')}</button>
      <button type="button" className="button button--primary button--finish" onClick={() => send({ type: 'VISIT.FINISH' })}>
        {t('home.finish')}
      </button>
    </main>
  );
}
