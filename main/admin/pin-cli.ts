import { PIN_MAX_DIGITS, PIN_MIN_DIGITS, PIN_PATTERN } from '../../common/admin';
import { hashPin } from '../../kiosk-config/secret-hash';

/**
 * `npm run admin-pin`: asks for the administrator PIN twice without echoing it (or reads one line from
 * stdin, for scripts: `echo 123456 | npm run admin-pin --silent`) and prints the profile line to paste.
 * The PIN itself is never printed nor written anywhere.
 */
const stdin = process.stdin;

/** One line typed on the terminal, with nothing shown; Ctrl+C gives up. */
function askHidden(question: string): Promise<string> {
  process.stderr.write(question);
  return new Promise((resolve) => {
    let typed = '';
    stdin.setRawMode(true);
    stdin.resume();
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\u0003') { process.stderr.write('\n'); process.exit(130); }
        if (char === '\r' || char === '\n') {
          stdin.off('data', onData);
          stdin.setRawMode(false);
          stdin.pause();
          process.stderr.write('\n');
          return resolve(typed);
        }
        if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
        else typed += char;
      }
    };
    stdin.on('data', onData);
  });
}

async function readPiped(): Promise<string[]> {
  let text = '';
  for await (const chunk of stdin) text += chunk;
  return text.split(/\r?\n/).filter((line) => line !== '');
}

function refuse(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

function refuseUnlessPinShaped(pin: string): void {
  if (!PIN_PATTERN.test(pin)) refuse(`The PIN must be ${PIN_MIN_DIGITS} to ${PIN_MAX_DIGITS} digits, nothing else.`);
}

let pin: string;
if (stdin.isTTY) {
  pin = await askHidden(`Administrator PIN (${PIN_MIN_DIGITS} to ${PIN_MAX_DIGITS} digits): `);
  refuseUnlessPinShaped(pin);
  if ((await askHidden('The same PIN again: ')) !== pin) refuse('The two PINs differ; nothing was made. Run it again.');
} else {
  const lines = await readPiped();
  if (lines.length === 0 || lines.length > 2) refuse('Give the PIN on one line of stdin (or the same PIN on two lines).');
  if (lines.length === 2 && lines[0] !== lines[1]) refuse('The two PINs on stdin differ; nothing was made.');
  pin = lines[0]!;
  refuseUnlessPinShaped(pin);
}
process.stderr.write('Paste this line into the "admin" section of the kiosk profile:\n');
process.stdout.write(`"pinHash": "${await hashPin(pin)}"\n`);
