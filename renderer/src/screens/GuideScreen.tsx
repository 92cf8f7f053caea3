import { useText } from '../i18n/useText';
import type { ScreenProps } from './screenProps';

/** One procedure's guide: what it is, its steps, the papers to bring, then its official site. */
export function GuideScreen({ snapshot, send }: ScreenProps) {
  const t = useText(snapshot.language);
  const procedure = snapshot.procedure!;
  return (
    <main className="screen screen--visit" data-screen="guide">
      <h1 className="title">{procedure.title}</h1>
      <h2>{t('guide.steps')}</h2>
      <ol>{procedure.steps.map((step) => <li key={step}>{step}</li>)}</ol>
      <button type="button" className="button button--primary" onClick={() => send({ type: 'PROCEDURE.START' })}>{t('guide.start')}</button>
      <button type="button" className="button" onClick={() => send({ type: 'PROCEDURE.CLOSE' })}>{t('guide.back')}</button>
    </main>
  );
}
