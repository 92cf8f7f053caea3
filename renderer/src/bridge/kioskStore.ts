import type { HostMessage } from '../../../common/bridge';
import type { SessionSnapshot } from '../../../common/snapshot';
import { parseHostMessage } from './hostMessage';

/** What the view knows: the host's latest snapshot, and whether the bridge is up right now. */
export interface KioskState {
  snapshot: SessionSnapshot | null;
  connected: boolean;
}

export interface KioskStore {
  getState(): KioskState;
  /** For `useSyncExternalStore`: `listener` runs after every change; returns an unsubscribe. */
  subscribe(listener: () => void): () => void;
  /** Hands the store one raw message from the host, parsed before anything changes. */
  receive(raw: unknown): void;
  setConnected(connected: boolean): void;
  /** Calls `listener` with each answer to SPEECH.SAY (read-aloud through the host); returns an unsubscribe. */
  onSpeech(listener: (answer: SpeechAnswer) => void): () => void;
}

export type SpeechAnswer = Extract<HostMessage, { type: 'speech' | 'speech-failed' }>;

type Log = Pick<Console, 'warn' | 'error'>;

/** Holds no truth of its own: every snapshot replaces the last one whole. */
export function createKioskStore(log: Log = console): KioskStore {
  let state: KioskState = { snapshot: null, connected: false };
  const listeners = new Set<() => void>();
  const speechListeners = new Set<(answer: SpeechAnswer) => void>();
  const update = (next: KioskState) => {
    state = next;
    for (const listener of listeners) listener();
  };

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    receive(raw) {
      const message = parseHostMessage(raw);
      if (!message.ok) log.error(`Borne bridge: ignored a malformed host message (${message.error})`);
      else if (message.value.type === 'rejected') log.warn(`Borne bridge: the host rejected a message (${message.value.reason})`);
      else if (message.value.type === 'snapshot') update({ ...state, snapshot: message.value.snapshot });
      else for (const listener of speechListeners) listener(message.value);
    },
    onSpeech(listener) {
      speechListeners.add(listener);
      return () => speechListeners.delete(listener);
    },
    setConnected(connected) {
      if (connected === state.connected) return;
      // A snapshot from before the break may be stale (the host may have restarted): wait for a fresh one.
      update(connected ? { ...state, connected } : { snapshot: null, connected });
    },
  };
}
