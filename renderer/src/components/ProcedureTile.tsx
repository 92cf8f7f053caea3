import type { RendererEvent } from '../../../common/bridge';
import type { Language } from '../../../common/language';
import type { ProcedureEntry } from '../../../common/visit-views';
import { useText } from '../i18n/useText';
import { TimePictogram } from './visitPictograms';

/** One procedure on the home screen (in its group, or as a search result): one touch opens its guide. */
export function ProcedureTile({ procedure, language, send }: { procedure: ProcedureEntry; language: Language; send: (event: RendererEvent) => void }) {
  const t = useText(language);
  return (
    <button type="button" className="procedure-tile" data-procedure={procedure.id}
      onClick={() => send({ type: 'PROCEDURE.OPEN', id: procedure.id })}>
      <span className="procedure-tile__title">{procedure.title}</span>
      {/* A real space: the name reads "Apply for a passport about 20 minutes", whatever the CSS does. */}
      {' '}
      <span className="procedure-tile__time">
        <TimePictogram className="procedure-tile__clock" />
        {/* "20 min" to the eye, "about 20 minutes" to a screen reader. */}
        <span aria-hidden="true">{t('home.minutes', { count: procedure.minutes })}</span>
        <span className="visually-hidden">{t('home.minutesLong', { count: procedure.minutes })}</span>
      </span>
    </button>
  );
}
