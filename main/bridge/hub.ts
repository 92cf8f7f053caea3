import { ACTIVITY_REPORT_INTERVAL_MS, RendererEventSchema, VIEW_HEARTBEAT_INTERVAL_MS, type HostMessage, type RendererEvent } from '../../common/bridge';
import { issueLines } from '../../common/issues';
import { createThrottle } from '../../common/throttle';
import type { SessionSnapshot } from '../../common/snapshot';
import type { Logger } from '../log';

/** One window showing the kiosk: the public screen, or later an agent's view of the same visit. */
export interface BridgeView {
  /** For logs only, e.g. `chromium#1` or `electron:main`. */
  readonly label: string;
  send(message: HostMessage): void;
}

export interface AttachedView {
  /** Hands the hub one raw message from this view; it is validated before anything acts on it. */
  receive(raw: unknown): void;
  detach(): void;
}

/**
 * The one place renderer messages enter the host. Every message is parsed against the bridge
 * contract; a malformed or unknown one is logged and answered with `rejected`, never acted on.
 * Every view gets the latest snapshot on attach and on every change, and only on a change: the
 * machine settles on the same view after many events (activity most of all), and those are not sent.
 */
export class BridgeHub {
  private readonly views = new Set<BridgeView>();
  private latest: SessionSnapshot | null = null;
  private latestJson = '';
  /** Activity reports beyond one a second are dropped before they reach the session machine. */
  private readonly activityPasses = createThrottle(ACTIVITY_REPORT_INTERVAL_MS);
  /** Heartbeats likewise: one per half interval is all the watchdog needs. */
  private readonly heartbeatPasses = createThrottle(VIEW_HEARTBEAT_INTERVAL_MS / 2);

  constructor(
    private readonly onEvent: (event: RendererEvent, view: BridgeView) => void,
    private readonly log: Logger,
    private readonly now: () => number = () => performance.now(),
  ) {}

  attach(view: BridgeView): AttachedView {
    this.views.add(view);
    this.log.info({ view: view.label }, 'view attached');
    if (this.latest) view.send({ type: 'snapshot', snapshot: this.latest });
    return {
      receive: (raw) => this.receive(raw, view),
      detach: () => {
        if (this.views.delete(view)) this.log.info({ view: view.label }, 'view detached');
      },
    };
  }

  publish(snapshot: SessionSnapshot): void {
    const json = JSON.stringify(snapshot);
    if (json === this.latestJson) return;
    this.latestJson = json;
    this.latest = snapshot;
    for (const view of this.views) view.send({ type: 'snapshot', snapshot });
  }

  get viewCount(): number {
    return this.views.size;
  }

  private receive(raw: unknown, view: BridgeView): void {
    const parsed = RendererEventSchema.safeParse(raw);
    if (!parsed.success) {
      const reason = issueLines(parsed.error.issues).join('; ');
      this.log.warn({ view: view.label, reason, raw: preview(raw) }, 'rejected a malformed bridge message');
      view.send({ type: 'rejected', reason });
      return;
    }
    if (parsed.data.type === 'USER.ACTIVITY' && !this.activityPasses(this.now())) return;
    if (parsed.data.type === 'VIEW.ALIVE' && !this.heartbeatPasses(this.now())) return;
    this.onEvent(parsed.data, view);
  }
}

/** Logs a bounded preview of what a view sent: enough to debug, never a flood, never a PIN. */
function preview(raw: unknown): string {
  let text: string;
  try {
    text = typeof raw === 'string' ? raw : JSON.stringify(raw) ?? String(raw);
  } catch {
    text = String(raw);
  }
  text = text.replace(PIN_FIELD, '"pin":"(hidden)"');
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/** A `pin` field in a refused message (too long, letters…) is still somebody's PIN, or close to it. */
const PIN_FIELD = /"pin"\s*:\s*("(?:[^"\\]|\\.)*"?|[^,}]*)/g;
