import { fromPromise } from 'xstate';
import type { Logger } from '../log';
import type { KioskShell } from '../shells/shell';
import type { WipeInput } from './machine';

/**
 * Clears what a visit leaves behind and proves it: the session context (already reset by the
 * machine, checked here) and the browser's stores (cleared by the shell, then read back).
 * Any leftover fails the wipe, and the machine keeps the kiosk out of service.
 */
export function wipeSessionThrough(shell: KioskShell, log: Logger) {
  return fromPromise<void, WipeInput>(async ({ input }) => {
    const leftovers: string[] = [];
    if (input.visit.temperature !== null) leftovers.push('session: temperature');
    if (input.visit.language !== input.defaultLanguage) leftovers.push('session: language');
    const browsing = await shell.wipeBrowsingData();
    leftovers.push(...browsing.leftovers.map((l) => `browser: ${l}`));
    if (leftovers.length > 0) {
      log.error({ leftovers }, 'wipe failed: the kiosk stays out of service');
      throw new Error(`the wipe left data behind: ${leftovers.join(', ')}`);
    }
    log.info({ cleared: browsing.cleared }, 'visit wiped and verified');
  });
}
