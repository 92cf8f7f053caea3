import { isDeepStrictEqual } from 'node:util';
import { fromPromise } from 'xstate';
import type { Logger } from '../log';
import type { KioskShell } from '../shells/shell';
import { snapshotOf, toSessionSnapshot, type SessionState } from './snapshot';
import { emptyVisit } from './visit';

/**
 * One thing the wipe clears and proves clean: it answers what it still found afterwards, named by kind
 * and place, never by value (nothing: proven). A step that cannot look answers that as a leftover.
 */
export interface WipeStep {
  /** Prefixes its leftovers in the log and in the out-of-service reason. */
  name: string;
  clearAndProve(): Promise<{ cleared: string[]; leftovers: string[] }>;
}

/** The browser's stores, cleared by the shell and read back (docs/security.md lists each one). */
export const browserWipeStep = (shell: KioskShell): WipeStep => ({ name: 'browser', clearAndProve: () => shell.wipeBrowsingData() });

/**
 * Clears what a visit leaves behind and proves it: each step in turn (the browser's stores by default,
 * then the host's own `steps`), and the session (reset by the machine on entry to `wipe`, checked here
 * on the state whose snapshot the views were last sent, which `published` returns). Any leftover fails
 * the wipe, and the machine keeps the kiosk out of service.
 *
 * Print jobs: the host passes the printers' step (print-queue-wipe.ts), which drops every job not
 * finished and proves the queues empty.
 */
export function wipeSessionThrough(shell: KioskShell, log: Logger, published: () => SessionState | undefined, steps: readonly WipeStep[] = []) {
  return fromPromise<void>(async () => {
    const cleared: string[] = [];
    const stepLeftovers: string[] = [];
    for (const step of [browserWipeStep(shell), ...steps]) {
      const report = await step.clearAndProve();
      cleared.push(...report.cleared);
      stepLeftovers.push(...report.leftovers.map((l) => `${step.name}: ${l}`));
    }
    // Read only after an await: xstate starts this actor before the host publishes the wipe state.
    const leftovers = [...visitLeftovers(published()), ...stepLeftovers];
    if (leftovers.length > 0) {
      log.error({ leftovers }, 'wipe failed: the kiosk stays out of service');
      throw new Error(`the wipe left data behind: ${leftovers.join(', ')}`);
    }
    log.info({ cleared }, 'visit wiped and verified');
  });
}

/**
 * Where `state` still differs from an empty visit: each field of the visit's definition in the context
 * (views never see some of them), and each field of the snapshot the views are sent, against the
 * snapshot an empty visit gives. No field is named here, so a field added to the visit is checked too.
 */
export function visitLeftovers(state: SessionState | undefined): string[] {
  // Proving an earlier state would prove nothing about the one the next visit starts from.
  if (!state?.hasTag('wipe')) return ['session: the state the views were sent is not the wiped one'];
  const empty = emptyVisit(state.context.settings);
  const sent = toSessionSnapshot(state);
  const clean = snapshotOf({ ...state.context, ...empty }, sent.screen);
  return [
    ...differingKeys(empty, state.context).map((key) => `session: ${key}`),
    ...differingKeys(clean, sent).map((key) => `snapshot: ${key}`),
  ];
}

/** The keys of `expected` whose value in `actual` is not deeply equal to it. */
function differingKeys(expected: object, actual: object): string[] {
  const found = actual as Record<string, unknown>;
  return Object.entries(expected).filter(([key, value]) => !isDeepStrictEqual(value, found[key])).map(([key]) => key);
}
