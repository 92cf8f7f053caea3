import type { AgentCommand, AgentMessage, PushableEvent } from '../../../common/assist';
import { DEVICE_KINDS } from '../../../common/devices';
import type { SessionSnapshot } from '../../../common/snapshot';
import { DeviceHealthList } from '../devices/DeviceHealthList';
import type { AgentText } from './agentText';
import { MirrorFrame } from './MirrorFrame';

type Mirror = Extract<AgentMessage, { type: 'mirror' }>;

/** The words on a push button: the step, and what it opens (a language, a procedure's title, a site's label). */
function pushLabel(text: AgentText, snapshot: SessionSnapshot, event: PushableEvent): string {
  switch (event.type) {
    case 'LANGUAGE.CHOOSE': return text.push[event.type](text.languages[event.language]);
    case 'PROCEDURE.OPEN': {
      const entry = snapshot.catalog?.groups.flatMap((g) => g.procedures).find((p) => p.id === event.id);
      return text.push[event.type](entry?.title ?? event.id);
    }
    case 'SITE.OPEN': return text.push[event.type](snapshot.siteTiles.find((tile) => tile.url === event.url)?.label[text.lang] ?? event.url);
    default: return text.push[event.type]('');
  }
}

/**
 * The visit as the kiosk shows it: the citizen's screen itself (drawn by the kiosk's own components in
 * a frame), a summary an agent reads at a glance (screen, language, chosen procedure, open site, help
 * asked, who has the hand), what the agent may do now, and the cabin's devices. Every button
 * comes from the host's `mayTake` and `pushes`, which the session machine decided (`can`).
 */
export function AgentMirror({ text, mirror, rejected, send }: { text: AgentText; mirror: Mirror; rejected: string | null; send: (command: AgentCommand) => void }) {
  const { snapshot, pushes, mayTake, holdsHand: holds } = mirror;
  const hand = snapshot.assist;
  const holder = !hand || hand.hand === 'citizen' ? text.handCitizen : holds ? text.handYou : text.handOther(hand.agentName ?? '');
  return (
    <div className="agent-mirror" data-mirror-screen={snapshot.screen}>
      <section className="agent-card agent-card--mirror" aria-labelledby="mirror-title">
        <h2 id="mirror-title">{text.mirrorTitle}</h2>
        {hand?.helpAsked && <p className="agent-help" role="alert" data-help-asked>{text.helpAsked}</p>}
        <MirrorFrame snapshot={snapshot} title={text.mirrorTitle} />
        <dl className="agent-facts">
          <dt>{text.screen}</dt><dd data-fact="screen">{text.screens[snapshot.screen]}</dd>
          <dt>{text.language}</dt><dd>{text.languages[snapshot.language]}</dd>
          <dt>{text.procedure}</dt><dd>{snapshot.procedure?.title ?? text.none}</dd>
          <dt>{text.site}</dt><dd>{snapshot.site?.origin ?? text.none}</dd>
        </dl>
        {snapshot.idleWarning && <p className="agent-idle">{text.idle(snapshot.idleWarning.secondsLeft)}</p>}
      </section>
      <section className="agent-card" aria-labelledby="hand-title">
        <h2 id="hand-title">{text.handTitle}</h2>
        <p className="agent-hand" data-hand={hand?.hand ?? 'citizen'}>{holder}</p>
        <div className="agent-actions">
          {mayTake && <button type="button" className="agent-button" onClick={() => send({ type: 'HAND.TAKE' })}>{text.take}</button>}
          {holds && <button type="button" className="agent-button agent-button--quiet" onClick={() => send({ type: 'HAND.GIVE_BACK' })}>{text.giveBack}</button>}
        </div>
      </section>
      <section className="agent-card" aria-labelledby="steps-title">
        <h2 id="steps-title">{text.stepsTitle}</h2>
        {!holds && <p>{text.stepsNeedHand}</p>}
        {holds && pushes.length === 0 && <p>{text.noSteps}</p>}
        {holds && pushes.length > 0 && (
          <ul className="agent-steps">
            {pushes.map((event) => (
              <li key={JSON.stringify(event)}>
                <button type="button" className="agent-button agent-button--step" onClick={() => send({ type: 'STEP.PUSH', event })}>
                  {pushLabel(text, snapshot, event)}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="agent-card" aria-labelledby="devices-title">
        <h2 id="devices-title">{text.devices.title}</h2>
        <DeviceHealthList health={DEVICE_KINDS.flatMap((kind) => snapshot.deviceHealth[kind] ?? [])}
          words={{ ...text.devices, deviceName: (kind) => text.devices.names[kind], lang: text.lang }} />
      </section>
      {rejected && <p className="agent-error" role="alert">{text.rejected(rejected)}</p>}
    </div>
  );
}
