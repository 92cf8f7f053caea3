import type { RendererEvent } from '../../../common/bridge';
import type { SessionSnapshot } from '../../../common/snapshot';
import { MEMO_LANGUAGES } from '../../../common/visit-views';
import { useText } from '../i18n/useText';

/**
 * "A memo to take away": the procedure's papers and steps on the kiosk's receipt printer. Offered while
 * the printer says it is ready; what happened to the memo is said in a status line, read aloud by
 * screen readers. A language the printer cannot print (Arabic) is told that the ticket comes in French.
 */
export function MemoCard({ snapshot, send }: { snapshot: SessionSnapshot; send: (event: RendererEvent) => void }) {
  const t = useText(snapshot.language);
  const ready = snapshot.devices.receiptPrinter?.state === 'ready';
  const { memoPrint } = snapshot;
  if (!ready && memoPrint === null) return null;
  const inFrench = !MEMO_LANGUAGES.some((language) => language === snapshot.language);
  return (
    <section className="guide-card guide-card--memo" aria-labelledby="guide-memo">
      <h2 id="guide-memo">{t('memo.title')}</h2>
      <p>{t('memo.explain')}{inFrench && <> {t('memo.inFrench')}</>}</p>
      {ready && memoPrint !== 'printing' && (
        <button type="button" className="button button--secondary" onClick={() => send({ type: 'MEMO.PRINT' })}>{t('memo.print')}</button>
      )}
      <p role="status" className="guide-memo__status" data-memo={memoPrint ?? undefined}>{memoPrint && t(`memo.${memoPrint}`)}</p>
    </section>
  );
}
