import { LockPictogram, PersonPictogram } from '../components/visitPictograms';
import { useText } from '../i18n/useText';
import type { ScreenProps } from './screenProps';

/**
 * A plain notice of what the kiosk keeps (nothing personal, all erased at the end) before the visit
 * starts; "No thanks" ends the visit at once.
 */
export function ConsentScreen({ snapshot, send }: ScreenProps) {
  const t = useText(snapshot.language);
  return (
    <main className="screen screen--visit screen--consent" data-screen="consent">
      <div className="consent">
        <LockPictogram className="pictogram consent__pictogram" />
        <h1 className="title">{t('consent.title')}</h1>
        <p className="lead consent__notice">{t('consent.notice')}</p>
        <ul className="consent__points">
          <li><LockPictogram className="consent__icon" />{t('consent.nothingKept')}</li>
          <li><PersonPictogram className="consent__icon" />{t('consent.helpNear')}</li>
        </ul>
      </div>
      <div className="actions actions--consent">
        <button type="button" className="button button--secondary" data-consent="decline" onClick={() => send({ type: 'CONSENT.DECLINE' })}>{t('consent.decline')}</button>
        <button type="button" className="button button--primary button--big" data-consent="accept" onClick={() => send({ type: 'CONSENT.ACCEPT' })}>{t('consent.accept')}</button>
      </div>
    </main>
  );
}
