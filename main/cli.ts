import { spawn } from 'node:child_process';
import { appPaths } from './app-paths';
import { parseHostOptions } from './host-options';
import { runHost } from './host';
import { createLogger } from './log';
import { chooseShell } from './shells/choose-shell';
import { ChromiumShell } from './shells/chromium/chromium-shell';

/**
 * `npm start`: picks a shell, says which and why in one line, then runs the kiosk. Electron runs
 * the same host in its own main process, so this process only relays signals and the exit code.
 */
const argv = process.argv.slice(2);
const log = createLogger();
const options = parseHostOptions(argv);
const choice = chooseShell(options.ok ? options.value.shell : undefined);

if (!choice.ok) {
  process.stderr.write(`${choice.error}\n`);
  process.exitCode = 2;
} else if (choice.value.shell === 'electron' && choice.value.electronBinary) {
  log.info({ shell: 'electron', reason: choice.value.reason }, `shell: electron, because ${choice.value.reason}`);
  const electron = spawn(choice.value.electronBinary, [appPaths().electronMain, ...argv], { stdio: 'inherit' });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => electron.kill(signal));
  electron.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  log.info({ shell: 'chromium', reason: choice.value.reason }, `shell: chromium, because ${choice.value.reason}`);
  await runHost({ argv, newShell: () => new ChromiumShell(), log });
}
