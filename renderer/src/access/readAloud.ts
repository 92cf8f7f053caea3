import type { RendererEvent } from '../../../common/bridge';
import type { SpeechAnswer } from '../bridge/kioskStore';

export type ReadAloudState = 'idle' | 'speaking' | 'failed';

/** A sound being played; `ended` resolves when it finishes or is stopped. */
export interface Playback { stop(): void; ended: Promise<void> }

export interface ReadAloudDeps {
  /** The browser's speech synthesis, or null where there is none. */
  synthesis: Pick<SpeechSynthesis, 'getVoices' | 'speak' | 'cancel'> | null;
  utterance: (text: string) => SpeechSynthesisUtterance;
  send: (event: RendererEvent) => void;
  onHostAnswer: (listener: (answer: SpeechAnswer) => void) => () => void;
  play: (wav: ArrayBuffer) => Promise<Playback>;
}

/**
 * Reads a text aloud in the visit's language: with the browser's own voice for that language when it
 * has one, otherwise through the host (SPEECH.SAY, espeak-ng), which answers a WAV that is played here.
 * One reading at a time: a new one, or `stop`, ends the one before; a late answer to an older request
 * is dropped by its id.
 */
export function createReadAloud(deps: ReadAloudDeps, onState: (state: ReadAloudState) => void) {
  let latest = 0;
  let playing: Playback | null = null;
  let viaHost = false;
  let state: ReadAloudState = 'idle';
  const become = (next: ReadAloudState) => { if (next !== state) onState((state = next)); };

  const unsubscribe = deps.onHostAnswer(async (answer) => {
    if (answer.id !== latest || !viaHost) return;
    if (answer.type === 'speech-failed') return become('failed');
    try {
      const playback = await deps.play(base64ToBytes(answer.wav));
      if (answer.id !== latest) return playback.stop();
      playing = playback;
      await playback.ended;
      if (playing === playback) { playing = null; become('idle'); }
    } catch {
      if (answer.id === latest) become('failed');
    }
  });

  const stop = () => {
    latest++;
    deps.synthesis?.cancel();
    playing?.stop();
    playing = null;
    if (viaHost) deps.send({ type: 'SPEECH.STOP' });
    viaHost = false;
    become('idle');
  };

  return {
    /** Starts reading `text`; answers which voice reads it. */
    say(text: string, language: string): 'browser' | 'host' {
      stop();
      const voice = deps.synthesis?.getVoices().find((v) => v.lang.toLowerCase().split(/[-_]/)[0] === language);
      become('speaking');
      if (voice && deps.synthesis) {
        const utterance = deps.utterance(text);
        utterance.voice = voice;
        utterance.lang = voice.lang;
        const id = latest;
        utterance.onend = () => { if (id === latest) become('idle'); };
        utterance.onerror = () => { if (id === latest) become('failed'); };
        deps.synthesis.speak(utterance);
        return 'browser';
      }
      viaHost = true;
      deps.send({ type: 'SPEECH.SAY', id: latest, text });
      return 'host';
    },
    stop,
    dispose() {
      stop();
      unsubscribe();
    },
  };
}

function base64ToBytes(base64: string): ArrayBuffer {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes.buffer;
}

/**
 * Plays a WAV through Web Audio: decoded in memory, so no media URL the page's policy would have to
 * allow, and nothing written anywhere. The person's tap on "Listen" lets the page play sound.
 */
export async function playWav(wav: ArrayBuffer): Promise<Playback> {
  const context = new AudioContext();
  const source = context.createBufferSource();
  source.buffer = await context.decodeAudioData(wav);
  source.connect(context.destination);
  const ended = new Promise<void>((resolve) => { source.onended = () => resolve(); }).finally(() => void context.close());
  source.start();
  return { stop: () => source.stop(), ended };
}
