import type { RendererEvent } from '../../../common/bridge';
import type { Language } from '../../../common/language';
import { useText } from '../i18n/useText';
import { HelpPictogram } from './visitPictograms';

/** "Ask for help", the same on every screen that offers it: the host calls an agent (assisted mode). */
export function HelpButton({ language, send, className = '' }: { language: Language; send: (event: RendererEvent) => void; className?: string }) {
  const t = useText(language);
  return (
    <button type="button" className={`button button--help ${className}`.trim()} onClick={() => send({ type: 'HELP.ASK' })}>
      <HelpPictogram className="button__icon" />
      {t('help.ask')}
    </button>
  );
}
