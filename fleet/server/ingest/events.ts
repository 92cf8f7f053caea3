import { z } from 'zod';
import { EVENTS_BATCH_MAX, OutboxEntrySchema, type CommandResult, type OutboxEntry } from '../../../common/fleet-messages';
import { valid, type IngestDeps } from './valid';

/** The envelope is checked first; each entry then on its own, so one bad entry does not hold back the rest. */
const BatchEnvelopeSchema = z.object({ entries: z.array(z.unknown()).min(1).max(EVENTS_BATCH_MAX) }).strict();

/**
 * Stores a batch from a kiosk's outbox, each key once (a resent entry is recognised and skipped), and
 * returns the keys to acknowledge: every valid entry, stored now or before.
 */
export async function storeEvents(deps: IngestDeps, kioskId: string, payload: unknown): Promise<{ keys: string[]; invalid: number }> {
  const { entries } = valid(BatchEnvelopeSchema, payload, 'events batch');
  const good: OutboxEntry[] = [];
  for (const entry of entries) {
    const parsed = OutboxEntrySchema.safeParse(entry);
    if (parsed.success) good.push(parsed.data);
  }
  const at = deps.now().toISOString();
  const usage = good.flatMap((entry) => (entry.kind === 'usage' ? [{ key: entry.key, record: entry.record }] : []));
  await deps.store.usage.record(kioskId, usage, at);
  for (const entry of good) {
    if (entry.kind === 'audit') {
      await deps.store.receivedKeys.auditOnce(entry.key, kioskId, {
        at: entry.line.at, actor: `kiosk:${kioskId}`, action: entry.line.action, kiosk_id: kioskId, result: entry.line.result, detail: null,
      }, at);
    } else if (entry.kind === 'command-result' && (await deps.store.receivedKeys.claim(entry.key, kioskId, 'command-result', at))) {
      await storeCommandResult(deps, kioskId, entry.result);
    }
  }
  return { keys: good.map((entry) => entry.key), invalid: entries.length - good.length };
}

/** A command's result, from `commands/result` or the outbox: stored and audited once, whichever comes first. */
export async function storeCommandResult(deps: IngestDeps, kioskId: string, result: CommandResult): Promise<void> {
  const stored = await deps.store.commands.finish({ id: result.id, kioskId, ok: result.ok, error: result.error ?? null, at: result.at });
  if (!stored) return;
  const command = await deps.store.commands.byId(result.id);
  await deps.store.audit.append({
    at: deps.now().toISOString(), actor: `kiosk:${kioskId}`, action: `command.${command?.name ?? 'unknown'}.result`, kiosk_id: kioskId,
    result: result.ok ? 'ok' : `failed: ${result.error ?? 'no reason given'}`, detail: `command ${result.id}`,
  });
}
