import { ThermometerCard } from '../components/ThermometerCard';
import { useText } from '../i18n/useText';
import type { ScreenProps } from './screenProps';

/** The visit itself: a greeting, the thermometer if this kiosk has one, and a way to leave. */
export function HomeScreen({ snapshot, send }: ScreenProps) {
  const t = useText(snapshot.language);
  const thermometer = snapshot.devices.thermometer;
  return (
    <main className="screen screen--visit" data-screen="home">
      <header>
        <h1 className="title">{t('home.greeting')}</h1>
        {/* Only invite a measurement the kiosk can take; when offline the card says what to do instead. */}
        {thermometer && thermometer.state !== 'offline' && <p className="lead">{t('home.intro')}</p>}
      </header>
      {thermometer && (
        <ThermometerCard status={thermometer} reading={snapshot.temperature} language={snapshot.language} />
      )}
      <button type="button" className="button button--primary button--finish" onClick={() => send({ type: 'VISIT.FINISH' })}>
        {t('home.finish')}
      </button>
    </main>
  );
}
