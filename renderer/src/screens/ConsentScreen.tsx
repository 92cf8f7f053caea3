import { useText } from '../i18n/useText';
import type { ScreenProps } from './screenProps';

/** A plain notice of what the kiosk keeps (nothing personal) before the visit starts. */
export function ConsentScreen({ snapshot, send }: ScreenProps) {
  const t = useText(snapshot.language);
  return (
    <main className="screen screen--visit" data-screen="consent">
      <h1 className="title">{t('consent.title')}</h1>
      <p className="lead">{t('consent.notice')}</p>
      <button type="button" className="button button--primary" onClick={() => send({ type: 'CONSENT.ACCEPT' })}>{t('consent.accept')}</button>
      <button type="button" className="button" onClick={() => send({ type: 'CONSENT.DECLINE' })}>{t('consent.decline')}</button>
    </main>
  );
}
