import type { RendererEvent } from '../../../common/bridge';
import type { Screen, SessionSnapshot } from '../../../common/snapshot';
import { useText } from '../i18n/useText';

/** The screens of a visit under way: the only ones where somebody has the hand. */
const VISIT_SCREENS: ReadonlySet<Screen> = new Set(['language', 'consent', 'home', 'guide', 'measure', 'site', 'end']);

/** True while an agent drives the visit: the kiosk's screen is then shown but not touched (only the banner is). */
export const agentHasHand = (snapshot: Pick<SessionSnapshot, 'assist'>) => snapshot.assist?.hand === 'agent';

/**
 * In assisted mode, every screen of a visit says who has the hand: the citizen ("you"), or the agent
 * by name, with a button to take it back, which always works: it is the citizen's visit. A strip of its
 * own above the screen (#root is a column), like the test-mode banner, so it never covers a control.
 */
export function HandBanner({ snapshot, send }: { snapshot: Pick<SessionSnapshot, 'assist' | 'language' | 'screen'>; send: (event: RendererEvent) => void }) {
  const t = useText(snapshot.language);
  const assist = snapshot.assist;
  if (!assist || !VISIT_SCREENS.has(snapshot.screen)) return null;
  const agent = assist.hand === 'agent';
  return (
    <div className={`hand-banner${agent ? ' hand-banner--agent' : ''}`} role="status" data-notice="hand" data-hand={assist.hand}>
      <span className="hand-banner__text">
        {agent ? t('hand.agent', { name: assist.agentName }) : t(assist.helpAsked ? 'hand.yoursHelpComing' : 'hand.yours')}
      </span>
      {agent && (
        <button type="button" className="button hand-banner__reclaim" onClick={() => send({ type: 'HAND.RECLAIM' })}>
          {t('hand.reclaim')}
        </button>
      )}
    </div>
  );
}
