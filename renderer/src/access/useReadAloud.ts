import { useContext, useEffect, useMemo, useState } from 'react';
import { KioskContext } from '../bridge/useKiosk';
import { createReadAloud, playWav, type ReadAloudState } from './readAloud';

/** Read-aloud wired to this page's bridge and audio; stops by itself when the screen changes or the view goes. */
export function useReadAloud(screen: string) {
  const connection = useContext(KioskContext);
  const [state, setState] = useState<ReadAloudState>('idle');
  const reader = useMemo(() => connection && createReadAloud({
    synthesis: typeof speechSynthesis === 'undefined' ? null : speechSynthesis,
    utterance: (text) => new SpeechSynthesisUtterance(text),
    send: connection.send,
    onHostAnswer: connection.onSpeech,
    play: playWav,
  }, setState), [connection]);
  useEffect(() => () => reader?.dispose(), [reader]);
  // What was read belongs to the screen it was read from.
  useEffect(() => () => reader?.stop(), [reader, screen]);
  return { state, say: (text: string, language: string) => reader?.say(text, language), stop: () => reader?.stop() };
}
