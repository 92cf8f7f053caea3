import { spawn, type ChildProcess } from 'node:child_process';
import { SPEECH_MAX_CHARS } from '../../common/accessibility';
import { fail, ok, type Result } from '../../common/result';

/** The espeak-ng voice for each language the kiosk may speak; a language missing here is refused. */
export const ESPEAK_VOICES: Readonly<Record<string, string>> = { fr: 'fr', en: 'en', ar: 'ar' };

export interface SpeakerOptions {
  /** The espeak-ng binary; a name is looked up in PATH. */
  command?: string;
  maxChars?: number;
  /** An utterance that takes longer than this is stopped (a hung synthesiser never holds the kiosk's only slot). */
  timeoutMs?: number;
  /** espeak-ng's WAV beyond this size is cut off and the utterance refused. */
  maxWavBytes?: number;
}

export interface Speaker {
  /**
   * Speaks `text` in `language` and resolves with the WAV espeak-ng wrote, or why there is none: bad
   * text or language, espeak-ng missing or failing, or a newer request (or `stop`) that replaced it.
   * One utterance at a time: a request stops the one running; requests that come meanwhile replace
   * each other, so however many arrive, at most one espeak-ng process runs and one request waits.
   */
  speak(text: string, language: string): Promise<Result<Buffer>>;
  /** Stops what is being spoken and drops what waits. */
  stop(): void;
  /** How many espeak-ng processes run now (0 or 1): for tests and the log. */
  readonly running: number;
}

interface Request { text: string; voice: string; answer: (result: Result<Buffer>) => void }

/**
 * Text-to-speech through espeak-ng, for views whose browser has no voice for the visit's language.
 * The text goes to espeak-ng's standard input, never on its command line and never through a shell.
 */
export function espeakSpeaker(options: SpeakerOptions = {}): Speaker {
  const { command = 'espeak-ng', maxChars = SPEECH_MAX_CHARS, timeoutMs = 30_000, maxWavBytes = 8_000_000 } = options;
  let current: { child: ChildProcess; request: Request } | null = null;
  let waiting: Request | null = null;

  const startWaiting = () => {
    if (current || !waiting) return;
    const request = waiting;
    waiting = null;
    const child = spawn(command, ['-v', request.voice, '-b', '1', '--stdout'], { stdio: ['pipe', 'pipe', 'pipe'] });
    current = { child, request };
    const chunks: Buffer[] = [];
    let size = 0;
    let problem: string | null = null;
    const timer = setTimeout(() => { problem = `espeak-ng took more than ${timeoutMs} ms`; child.kill('SIGKILL'); }, timeoutMs);
    child.stdout!.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxWavBytes) { problem = `espeak-ng wrote more than ${maxWavBytes} bytes`; child.kill('SIGKILL'); } else chunks.push(chunk);
    });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => { stderr = (stderr + chunk.toString()).slice(-300); });
    // A missing binary shows as 'error' (ENOENT); 'close' still follows for a spawned one.
    child.on('error', (error) => { problem ??= `espeak-ng could not run: ${error.message}`; });
    child.stdin!.on('error', () => {}); // killed before it read everything: 'close' reports why
    child.stdin!.end(request.text);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      current = null;
      if (problem) request.answer(fail(problem));
      else if (signal) request.answer(fail('stopped: a newer request replaced it'));
      else if (code !== 0) request.answer(fail(`espeak-ng exited with code ${code}: ${stderr.trim()}`));
      else request.answer(ok(Buffer.concat(chunks)));
      startWaiting();
    });
  };

  const dropWaiting = () => {
    waiting?.answer(fail('stopped: a newer request replaced it'));
    waiting = null;
  };

  return {
    speak(text, language) {
      const checked = checkedRequest(text, language, maxChars);
      if (!checked.ok) return Promise.resolve(checked);
      return new Promise((answer) => {
        dropWaiting();
        waiting = { ...checked.value, answer };
        if (current) current.child.kill('SIGKILL');
        else startWaiting();
      });
    },
    stop() {
      dropWaiting();
      current?.child.kill('SIGKILL');
    },
    get running() {
      return current ? 1 : 0;
    },
  };
}

function checkedRequest(text: string, language: string, maxChars: number): Result<{ text: string; voice: string }> {
  const voice = Object.hasOwn(ESPEAK_VOICES, language) ? ESPEAK_VOICES[language]! : null;
  if (!voice) return fail(`no espeak-ng voice for the language "${language.slice(0, 20)}"`);
  if (typeof text !== 'string' || text.trim() === '') return fail('nothing to speak: the text is empty');
  if (text.length > maxChars) return fail(`the text is too long to speak: ${text.length} characters, at most ${maxChars}`);
  return ok({ text, voice });
}
