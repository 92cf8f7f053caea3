import { BRIDGE_WEBSOCKET_PATH, LAUNCH_TOKEN_GLOBAL, type KioskBridgeApi } from '../../../common/bridge';

/** How this view reaches the host: Electron's preload, or the Chromium shell's loopback WebSocket. */
export type BridgeTransport =
  | { kind: 'preload'; api: KioskBridgeApi }
  | { kind: 'websocket'; url: string }
  | { kind: 'unavailable'; reason: string };

/** What the page can see of its surroundings; plain values so the choice is testable without a browser. */
export interface PageSurroundings {
  /** `window.borne`, set by the Electron preload. */
  borne: KioskBridgeApi | undefined;
  /** `location.host`, e.g. `127.0.0.1:43210`. */
  host: string;
  /** `window[LAUNCH_TOKEN_GLOBAL]`, which the Chromium shell defines before the page runs. */
  launchToken: unknown;
}

export function pickTransport({ borne, host, launchToken: token }: PageSurroundings): BridgeTransport {
  if (borne) return { kind: 'preload', api: borne };
  if (typeof token !== 'string' || token === '') {
    return { kind: 'unavailable', reason: `no window.borne and no window.${LAUNCH_TOKEN_GLOBAL} from the Chromium shell` };
  }
  if (!host) return { kind: 'unavailable', reason: 'the page has no host to open the bridge WebSocket on' };
  return { kind: 'websocket', url: `ws://${host}${BRIDGE_WEBSOCKET_PATH}?token=${encodeURIComponent(token)}` };
}
