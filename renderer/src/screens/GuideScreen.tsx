import { HelpButton } from '../components/HelpButton';
import { GroupPictogram } from '../components/groupPictograms';
import { BackPictogram, TimePictogram, WebsitePictogram } from '../components/visitPictograms';
import { DocumentChecklist } from '../guide/DocumentChecklist';
import { MemoCard } from '../guide/MemoCard';
import { useText } from '../i18n/useText';
import { hostOf, type ScreenProps } from './screenProps';

/**
 * One procedure's guide, read before the official site opens: what it is in a few easy sentences, the
 * papers to have at hand, the steps, where the person will go, and a memo of it all to print. The
 * actions stay in a bar at the bottom, so "Go to the website" and "Back" never scroll away; "I'm done"
 * sits at the top, as on home.
 */
export function GuideScreen({ snapshot, send }: ScreenProps) {
  const t = useText(snapshot.language);
  const procedure = snapshot.procedure;
  if (!procedure) return null;
  const hosts = [...new Set(procedure.origins.map(hostOf))];
  return (
    <main className="screen screen--guide" data-screen="guide" data-procedure={procedure.id}>
      <div className="guide-body">
        <header className="guide-header">
          <div className="guide-header__top">
            <p className="guide-header__group">
              <GroupPictogram group={procedure.group} className="guide-header__pictogram" />
              {t(`groups.${procedure.group}`)}
            </p>
            {/* Back from the site with the procedure done, the person may leave from here, as from home. */}
            <button type="button" className="button button--secondary button--bar guide-header__finish" onClick={() => send({ type: 'VISIT.FINISH' })}>
              {t('home.finish')}
            </button>
          </div>
          <h1 className="title">{procedure.title}</h1>
          <p className="guide-header__time">
            <TimePictogram className="guide-header__clock" />
            {t('guide.minutes', { count: procedure.minutes })}
          </p>
        </header>
        {procedure.summary.length > 0 && (
          <section className="guide-card guide-card--summary" aria-labelledby="guide-summary">
            <h2 id="guide-summary">{t('guide.summary')}</h2>
            {procedure.summary.map((sentence, index) => <p key={index} className="guide-summary__line">{sentence}</p>)}
          </section>
        )}
        <div className="guide-columns">
          <div className="guide-column">
            <section className="guide-card" aria-labelledby="guide-steps">
              <h2 id="guide-steps">{t('guide.steps')}</h2>
              <ol className="guide-steps">
                {procedure.steps.map((step, index) => (
                  <li key={index}><span className="guide-steps__number" aria-hidden="true">{index + 1}</span>{step}</li>
                ))}
              </ol>
            </section>
          </div>
          <div className="guide-column">
            <section className="guide-card" aria-labelledby="guide-documents">
              <h2 id="guide-documents">{t('guide.documents')}</h2>
              {procedure.documents.length > 0
                ? <DocumentChecklist key={procedure.id} documents={procedure.documents} />
                : <p>{t('guide.noDocuments')}</p>}
            </section>
            {hosts.length > 0 && (
              <section className="guide-card guide-card--origins" aria-labelledby="guide-origins">
                <h2 id="guide-origins">{t('guide.goingTo')}</h2>
                <ul className="guide-origins">{hosts.map((host) => <li key={host} dir="ltr">{host}</li>)}</ul>
              </section>
            )}
            <MemoCard snapshot={snapshot} send={send} />
          </div>
        </div>
      </div>
      <div className="guide-bar">
        <button type="button" className="button button--secondary" onClick={() => send({ type: 'PROCEDURE.CLOSE' })}>
          <BackPictogram className="button__icon" />
          {t('guide.back')}
        </button>
        <HelpButton language={snapshot.language} send={send} />
        <button type="button" className="button button--primary button--big guide-bar__start" onClick={() => send({ type: 'PROCEDURE.START' })}>
          {t('guide.start')}
          <WebsitePictogram className="button__icon" />
        </button>
      </div>
    </main>
  );
}
