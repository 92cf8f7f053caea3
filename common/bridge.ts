import { z } from 'zod';
import { PinSchema } from './admin';
import { MeasuringKindSchema } from './devices';
import { LanguageSchema } from './language';
import { ScreenSchema, SessionSnapshotSchema } from './snapshot';
import { ProcedureIdSchema } from './procedure-catalog';
import { SatisfactionSchema } from './visit-views';
import { DisplayPreferencesSchema, SPEECH_MAX_CHARS, SPEECH_WAV_MAX_BASE64, SpeechIdSchema } from './accessibility';

/**
 * The bridge contract: every message between a renderer and the host, defined once.
 * Up: a view sends what the person did. Down: the host sends the snapshot to draw.
 * The host parses every incoming message with `RendererEventSchema`; anything else is rejected.
 */
export const RendererEventSchema = z.discriminatedUnion('type', [
  /** The person touched the attract screen. */
  z.object({ type: z.literal('SESSION.START') }).strict(),
  z.object({ type: z.literal('LANGUAGE.CHOOSE'), language: LanguageSchema }).strict(),
  /** The person read the notice of what is kept (nothing personal) and goes on, or declines and leaves. */
  z.object({ type: z.literal('CONSENT.ACCEPT') }).strict(),
  z.object({ type: z.literal('CONSENT.DECLINE') }).strict(),
  /** The person picks a procedure on the home screen (a tile or a search result): its guide opens. */
  z.object({ type: z.literal('PROCEDURE.OPEN'), id: ProcedureIdSchema }).strict(),
  /** From the guide: open the procedure's official site, under the procedure's allowlist. */
  z.object({ type: z.literal('PROCEDURE.START') }).strict(),
  /** From the guide: back to the home screen. */
  z.object({ type: z.literal('PROCEDURE.CLOSE') }).strict(),
  /** From the guide: print the procedure's memo on the kiosk's receipt printer. */
  z.object({ type: z.literal('MEMO.PRINT') }).strict(),
  /** "Ask for help" (home, guide, site bar): an agent is called, in assisted mode. */
  z.object({ type: z.literal('HELP.ASK') }).strict(),
  /** In assisted mode, the citizen takes the hand back from the agent (the banner's button). */
  z.object({ type: z.literal('HAND.RECLAIM') }).strict(),
  /** The end screen's one-tap question. */
  z.object({ type: z.literal('SATISFACTION.RATE'), rating: SatisfactionSchema }).strict(),
  /** The person changed the text size or the contrast for their visit (the accessibility sheet). */
  z.object({ type: z.literal('DISPLAY.SET'), display: DisplayPreferencesSchema }).strict(),
  /**
   * "Listen" when the browser has no voice for the visit's language: the host speaks `text` in that
   * language (espeak-ng) and answers `speech` with the audio. A new request stops the one before.
   */
  z.object({ type: z.literal('SPEECH.SAY'), id: SpeechIdSchema, text: z.string().trim().min(1).max(SPEECH_MAX_CHARS) }).strict(),
  /** Stops what the host is speaking for this kiosk (the person left the screen or pressed stop). */
  z.object({ type: z.literal('SPEECH.STOP') }).strict(),
  /** The person said they are done. */
  z.object({ type: z.literal('VISIT.FINISH') }).strict(),
  /** Any touch, key or pointer movement: it keeps the visit alive. */
  z.object({ type: z.literal('USER.ACTIVITY') }).strict(),
  /** The person left the end screen before its timer. */
  z.object({ type: z.literal('END.DISMISS') }).strict(),
  /** The person asked to measure with a device of this kind (home screen). */
  z.object({ type: z.literal('MEASURE.START'), kind: MeasuringKindSchema }).strict(),
  /** The person tries again after the device could not be armed, or measures again after a reading. */
  z.object({ type: z.literal('MEASURE.RETRY') }).strict(),
  /** The person leaves the measurement step, with its reading (done) or without (cancel). */
  z.object({ type: z.literal('MEASURE.DONE') }).strict(),
  z.object({ type: z.literal('MEASURE.CANCEL') }).strict(),
  /**
   * The person opens an official site (a tile on the home screen). The host opens it only when the
   * profile's lockdown list allows the URL; otherwise it answers `rejected` and logs why.
   */
  z.object({ type: z.literal('SITE.OPEN'), url: z.string().max(2048) }).strict(),
  /** The person comes back to Borne from a site (Borne's bar, or the message of a site that cannot be reached). */
  z.object({ type: z.literal('SITE.CLOSE') }).strict(),
  /** The view painted a screen; the host logs it (boot time, blank-screen watchdog). */
  z.object({ type: z.literal('VIEW.PAINTED'), screen: ScreenSchema }).strict(),
  /** The view's main thread still runs (every VIEW_HEARTBEAT_INTERVAL_MS): the host's watchdog reloads a silent one. */
  z.object({ type: z.literal('VIEW.ALIVE') }).strict(),
  /** The hidden gesture (five taps in the top-left corner): an administrator asks for the PIN screen. */
  z.object({ type: z.literal('ADMIN.OPEN') }).strict(),
  /** A PIN typed on the keypad, for the host to check. Never stored, never logged. */
  z.object({ type: z.literal('ADMIN.PIN'), pin: PinSchema }).strict(),
  /** Leaves the PIN screen or the panel; the host accepts panel commands only once the PIN was right. */
  z.object({ type: z.literal('ADMIN.CLOSE') }).strict(),
  z.object({ type: z.literal('ADMIN.MAINTENANCE'), on: z.boolean() }).strict(),
  z.object({ type: z.literal('ADMIN.RESTART') }).strict(),
  z.object({ type: z.literal('ADMIN.EXIT_TO_DESKTOP') }).strict(),
]);
export type RendererEvent = z.infer<typeof RendererEventSchema>;

export const HostMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('snapshot'), snapshot: SessionSnapshotSchema }).strict(),
  /** Sent back to the view that sent a message the host refused, so the refusal is visible in its console. */
  z.object({ type: z.literal('rejected'), reason: z.string() }).strict(),
  /** The answer to SPEECH.SAY, to the view that asked: a WAV file in base64, or why there is none. */
  z.object({ type: z.literal('speech'), id: SpeechIdSchema, wav: z.base64().max(SPEECH_WAV_MAX_BASE64) }).strict(),
  z.object({ type: z.literal('speech-failed'), id: SpeechIdSchema, reason: z.string().max(500) }).strict(),
]);
export type HostMessage = z.infer<typeof HostMessageSchema>;

/** The API the Electron preload exposes as `window.borne`; the WebSocket client offers the same. */
export interface KioskBridgeApi {
  send(event: RendererEvent): void;
  /** Calls `listener` for every message from the host; returns a function that stops listening. */
  onMessage(listener: (message: HostMessage) => void): () => void;
}

export { IPC_CHANNELS } from './ipc-channels';

/**
 * A view reports activity at most this often: one report a second keeps a visit alive. The host drops
 * reports that come faster, so that a flood never reaches the session machine.
 */
export const ACTIVITY_REPORT_INTERVAL_MS = 1_000;

/**
 * A connected view sends VIEW.ALIVE this often. The host finds a page hung after its watchdog timeout
 * (several intervals) without one, and drops heartbeats that come faster than half this interval.
 */
export const VIEW_HEARTBEAT_INTERVAL_MS = 2_000;

/** Path of the loopback WebSocket the Chromium shell's renderer connects to; the token rides in `?token=`. */
export const BRIDGE_WEBSOCKET_PATH = '/bridge';

/**
 * The global through which the Chromium shell hands its page the launch token, defined over DevTools
 * before the page's own scripts run. Never a URL: Chromium records URLs (history, sessions, target list).
 */
export const LAUNCH_TOKEN_GLOBAL = 'borneLaunchToken';
