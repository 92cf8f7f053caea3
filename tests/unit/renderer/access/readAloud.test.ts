import { describe, expect, it } from 'vitest';
import type { RendererEvent } from '../../../../common/bridge';
import type { SpeechAnswer } from '../../../../renderer/src/bridge/kioskStore';
import { createReadAloud, type Playback, type ReadAloudState } from '../../../../renderer/src/access/readAloud';

/** A browser whose speech synthesis has `voices`, a host that answers by hand, and audio that plays until stopped. */
function reader(voices: string[]) {
  const sent: RendererEvent[] = [];
  const spokenByBrowser: string[] = [];
  const played: Array<{ bytes: number; stopped: boolean; finish: () => void }> = [];
  const states: ReadAloudState[] = [];
  let answer: (a: SpeechAnswer) => void = () => {};
  let cancels = 0;
  const utterances: Array<{ text: string; onend?: () => void; onerror?: () => void; voice?: unknown; lang?: string }> = [];
  const read = createReadAloud({
    synthesis: {
      getVoices: () => voices.map((lang) => ({ lang }) as SpeechSynthesisVoice),
      speak: (u) => void spokenByBrowser.push(u.text),
      cancel: () => void cancels++,
    },
    utterance: (text) => { const u = { text }; utterances.push(u); return u as unknown as SpeechSynthesisUtterance; },
    send: (event) => void sent.push(event),
    onHostAnswer: (listener) => { answer = listener; return () => { answer = () => {}; }; },
    play: async (wav) => {
      let finish = () => {};
      const ended = new Promise<void>((resolve) => (finish = resolve));
      const entry = { bytes: wav.byteLength, stopped: false, finish };
      played.push(entry);
      return { stop: () => { entry.stopped = true; finish(); }, ended } satisfies Playback;
    },
  }, (state) => states.push(state));
  return { read, sent, spokenByBrowser, played, states, utterances, answer: (a: SpeechAnswer) => answer(a), cancels: () => cancels };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const wav = Buffer.from('RIFF....WAVE').toString('base64');

describe('read-aloud in the view', () => {
  it('uses the browser\'s own voice for the visit\'s language when it has one, and asks the host nothing', () => {
    const kiosk = reader(['en-GB', 'fr-FR']);
    expect(kiosk.read.say('Bonjour', 'fr')).toBe('browser');
    expect(kiosk.spokenByBrowser).toEqual(['Bonjour']);
    expect(kiosk.utterances[0]!.lang).toBe('fr-FR');
    expect(kiosk.sent).toEqual([]);
    expect(kiosk.states).toEqual(['speaking']);
    kiosk.utterances[0]!.onend!();
    expect(kiosk.states).toEqual(['speaking', 'idle']);
  });

  it('asks the host when the browser has no voice for the language, and plays the WAV it answers', async () => {
    const kiosk = reader(['en-US']);
    expect(kiosk.read.say('Bonjour', 'fr')).toBe('host');
    const asked = kiosk.sent[0] as Extract<RendererEvent, { type: 'SPEECH.SAY' }>;
    expect(asked).toMatchObject({ type: 'SPEECH.SAY', text: 'Bonjour' });
    kiosk.answer({ type: 'speech', id: asked.id, wav });
    await settle();
    expect(kiosk.played).toHaveLength(1);
    expect(kiosk.played[0]!.bytes).toBe(12);
    kiosk.played[0]!.finish();
    await settle();
    expect(kiosk.states).toEqual(['speaking', 'idle']);
  });

  it('plays only the answer to its latest request, and stops the host when the person stops', async () => {
    const kiosk = reader([]);
    kiosk.read.say('Premier', 'fr');
    kiosk.read.say('Second', 'fr');
    const [first, , second] = kiosk.sent as Array<Extract<RendererEvent, { type: 'SPEECH.SAY' }>>;
    expect(kiosk.sent.map((e) => e.type)).toEqual(['SPEECH.SAY', 'SPEECH.STOP', 'SPEECH.SAY']);
    kiosk.answer({ type: 'speech', id: first!.id, wav });
    await settle();
    expect(kiosk.played).toHaveLength(0);
    kiosk.answer({ type: 'speech', id: second!.id, wav });
    await settle();
    expect(kiosk.played).toHaveLength(1);
    kiosk.read.stop();
    expect(kiosk.played[0]!.stopped).toBe(true);
    expect(kiosk.sent.at(-1)).toEqual({ type: 'SPEECH.STOP' });
    expect(kiosk.states.at(-1)).toBe('idle');
  });

  it('says so when the host cannot read', () => {
    const kiosk = reader([]);
    kiosk.read.say('Bonjour', 'fr');
    const asked = kiosk.sent[0] as Extract<RendererEvent, { type: 'SPEECH.SAY' }>;
    kiosk.answer({ type: 'speech-failed', id: asked.id, reason: 'espeak-ng could not run' });
    expect(kiosk.states.at(-1)).toBe('failed');
  });
});
