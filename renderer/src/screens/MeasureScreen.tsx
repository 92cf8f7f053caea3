import { DeviceCard } from '../components/DeviceCard';
import { useText } from '../i18n/useText';
import type { ScreenProps } from './screenProps';

/**
 * One measurement step: the device's card says what to do and then shows the reading; the person goes
 * on with it or measures again, tries again when the device could not be prepared or sent no reading
 * in its time, or skips the measurement at any moment.
 */
export function MeasureScreen({ snapshot, send }: ScreenProps) {
  const t = useText(snapshot.language);
  const { measuring } = snapshot;
  if (!measuring) return null;
  const { kind, phase } = measuring;
  const status = snapshot.devices[kind] ?? { state: 'offline', reason: 'not configured' };
  return (
    <main className="screen screen--visit" data-screen="measure">
      <header>
        <h1 className="title">{t(`${kind}.start`)}</h1>
      </header>
      <DeviceCard kind={kind} status={status} measuring={measuring} language={snapshot.language}
        reading={phase === 'measured' ? snapshot.measurements[kind] : undefined} />
      <div className="actions">
        {(phase === 'failed' || phase === 'no-reading') && (
          <button type="button" className="button button--primary" onClick={() => send({ type: 'MEASURE.RETRY' })}>{t('device.retry')}</button>
        )}
        {phase === 'measured' ? (
          <>
            <button type="button" className="button button--primary" onClick={() => send({ type: 'MEASURE.DONE' })}>{t('device.done')}</button>
            <button type="button" className="button" onClick={() => send({ type: 'MEASURE.RETRY' })}>{t('device.again')}</button>
          </>
        ) : <button type="button" className="button" onClick={() => send({ type: 'MEASURE.CANCEL' })}>{t('device.cancel')}</button>}
      </div>
    </main>
  );
}
