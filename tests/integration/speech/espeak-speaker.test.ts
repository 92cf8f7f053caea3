import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { HostMessage } from '../../../common/bridge';
import { SPEECH_MAX_CHARS } from '../../../common/accessibility';
import { espeakSpeaker, type Speaker } from '../../../main/speech/espeak-speaker';
import { speechRoute } from '../../../main/speech/speech-route';
import { captureLog } from '../../support/capture-log';

/** The espeak-ng processes this test process has started, as the kernel sees them. */
function espeakChildren(): number {
  return readdirSync('/proc').filter((entry) => /^\d+$/.test(entry)).filter((pid) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // "pid (comm) state ppid …": the command name sits in parentheses, the parent right after the state.
      const [, comm, rest] = /^\d+ \((.*)\) (.*)$/s.exec(stat) ?? [];
      return comm === 'espeak-ng' && Number(rest?.split(' ')[1]) === process.pid;
    } catch {
      return false; // gone meanwhile
    }
  }).length;
}

/** A WAV file: RIFF…WAVE, with more than a header's worth of samples. */
function expectWav(bytes: Buffer) {
  expect(bytes.subarray(0, 4).toString('latin1')).toBe('RIFF');
  expect(bytes.subarray(8, 12).toString('latin1')).toBe('WAVE');
  expect(bytes.length).toBeGreaterThan(10_000);
}

let speaker: Speaker;
afterEach(() => speaker?.stop());

describe('read-aloud through espeak-ng (the real binary)', () => {
  it.each([
    ['fr', 'Bonjour. Touchez l\'écran pour commencer.'],
    ['en', 'Hello. Touch the screen to start.'],
    ['ar', 'مرحبا. المس الشاشة للبدء.'],
  ])('speaks %s and answers a WAV file', async (language, text) => {
    speaker = espeakSpeaker();
    const spoken = await speaker.speak(text, language);
    if (!spoken.ok) throw new Error(spoken.error);
    expectWav(spoken.value);
  });

  it('refuses text over the limit, empty text and an unknown language, with a clear reason and no process', async () => {
    speaker = espeakSpeaker();
    expect(await speaker.speak('a'.repeat(SPEECH_MAX_CHARS + 1), 'fr')).toEqual({
      ok: false, error: `the text is too long to speak: ${SPEECH_MAX_CHARS + 1} characters, at most ${SPEECH_MAX_CHARS}`,
    });
    expect(await speaker.speak('   ', 'fr')).toEqual({ ok: false, error: 'nothing to speak: the text is empty' });
    expect(await speaker.speak('Hallo', 'de')).toEqual({ ok: false, error: 'no espeak-ng voice for the language "de"' });
    expect(await speaker.speak('Hallo', '__proto__')).toMatchObject({ ok: false });
    expect(espeakChildren()).toBe(0);
  });

  it('takes text that looks like options as text: it goes on standard input, never on the command line', async () => {
    speaker = espeakSpeaker();
    const spoken = await speaker.speak('--help -w /tmp/borne-should-not-exist.wav', 'en');
    if (!spoken.ok) throw new Error(spoken.error);
    expectWav(spoken.value);
  });

  it('runs one utterance at a time under a flood: the newest wins, the others are stopped or replaced', async () => {
    speaker = espeakSpeaker();
    const long = 'Ceci est une phrase assez longue pour occuper le synthétiseur un moment. '.repeat(12);
    const answers: Array<ReturnType<Speaker['speak']>> = [];
    let most = 0;
    for (let i = 0; i < 60; i++) {
      answers.push(speaker.speak(`${i}. ${long}`, 'fr'));
      most = Math.max(most, espeakChildren());
      if (i % 10 === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const results = await Promise.all(answers);
    expect(most).toBeLessThanOrEqual(1);
    expect(results.at(-1)!.ok).toBe(true);
    expect(results.slice(0, -1).every((r) => !r.ok && r.error.startsWith('stopped'))).toBe(true);
    expect(espeakChildren()).toBe(0);
  });

  it('says so when espeak-ng cannot run', async () => {
    speaker = espeakSpeaker({ command: '/nonexistent/espeak-ng' });
    const spoken = await speaker.speak('Bonjour', 'fr');
    expect(spoken.ok).toBe(false);
    expect(!spoken.ok && spoken.error).toMatch(/^espeak-ng could not run: .*ENOENT/);
  });

  it('answers the view that asked, in the visit\'s language, and logs failures without the text', async () => {
    speaker = espeakSpeaker();
    const { log, lines } = captureLog();
    const answers: HostMessage[] = [];
    const view = { label: 'test', send: (message: HostMessage) => void answers.push(message) };
    let language = 'en';
    const route = speechRoute(speaker, () => language, log);
    route({ type: 'SPEECH.SAY', id: 7, text: 'Hello' }, view);
    await expect.poll(() => answers.length).toBe(1);
    expect(answers[0]).toMatchObject({ type: 'speech', id: 7 });
    expectWav(Buffer.from((answers[0] as { wav: string }).wav, 'base64'));

    language = 'de';
    route({ type: 'SPEECH.SAY', id: 8, text: 'Geheimnis' }, view);
    await expect.poll(() => answers.length).toBe(2);
    expect(answers[1]).toEqual({ type: 'speech-failed', id: 8, reason: 'no espeak-ng voice for the language "de"' });
    expect(lines.find((l) => l.msg === 'could not read the screen aloud')).toBeDefined();
    expect(JSON.stringify(lines)).not.toContain('Geheimnis');
  });
});
