/// <reference lib="dom" />
import { act } from '@testing-library/react';
import type { RendererEvent } from '../../../common/bridge';
import type { SessionSnapshot } from '../../../common/snapshot';
import type { KioskConnection } from '../../../renderer/src/bridge/connect';
import type { KioskState, SpeechAnswer } from '../../../renderer/src/bridge/kioskStore';

/**
 * A KioskConnection the test drives by hand: it plays the host (`show` a snapshot, `drop` the bridge)
 * and records every event the view sends, in order.
 */
export function fakeConnection(first: SessionSnapshot | null) {
  let state: KioskState = { snapshot: first, connected: first !== null };
  const listeners = new Set<() => void>();
  const sent: RendererEvent[] = [];
  const speechListeners = new Set<(answer: SpeechAnswer) => void>();
  const update = (next: KioskState) => act(() => {
    state = next;
    for (const listener of listeners) listener();
  });

  const connection: KioskConnection = {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    send: (event) => sent.push(event),
    onSpeech(listener) {
      speechListeners.add(listener);
      return () => speechListeners.delete(listener);
    },
  };
  return {
    connection,
    sent,
    /** The events of one type sent so far. */
    sentOf: <T extends RendererEvent['type']>(type: T) =>
      sent.filter((event): event is Extract<RendererEvent, { type: T }> => event.type === type),
    show: (snapshot: SessionSnapshot) => update({ snapshot, connected: true }),
    drop: () => update({ snapshot: null, connected: false }),
    /** The host's answer to a SPEECH.SAY. */
    answerSpeech: (answer: SpeechAnswer) => act(() => { for (const listener of speechListeners) listener(answer); }),
  };
}
