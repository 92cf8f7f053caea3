import { useText } from '../i18n/useText';
import { hostOf, type ScreenProps } from './screenProps';

/**
 * The kiosk page during the site step. The site itself shows in its place, under Borne's bar; this
 * screen is seen while it opens, and when it cannot be reached: Borne's own words, never the browser's
 * error page, and a way back.
 */
export function SiteScreen({ snapshot, send }: ScreenProps) {
  const t = useText(snapshot.language);
  const { site } = snapshot;
  if (!site) return null;
  const host = hostOf(site.origin);
  return (
    <main className="screen screen--visit" data-screen="site">
      <header>
        {site.unreachable ? (
          <>
            <h1 className="title">{t('site.unreachable')}</h1>
            <p className="lead">{t('site.unreachableDetail', { host })}</p>
            <p className="lead">{t('site.unreachableHelp')}</p>
          </>
        ) : (
          <h1 className="title">{t('site.opening')}</h1>
        )}
      </header>
      <div className="actions">
        <button type="button" className="button button--primary button--finish" onClick={() => send({ type: 'SITE.CLOSE' })}>
          {t('site.back')}
        </button>
      </div>
    </main>
  );
}
