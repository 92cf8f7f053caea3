import { randomUUID } from 'node:crypto';
import type { OutboxEntry } from '../../common/fleet-messages';
import type { AuditEntry, AuditJournal } from '../admin/audit-journal';
import type { UsageStore } from '../usage/usage-store';
import type { Outbox } from './outbox';

/** Where the kiosk's reports wait before the outbox: the usage store, the administrator audit journal. */
export interface ReportSources {
  /** The usage store, or null while usage events are off. */
  usage(): UsageStore | null;
  audit: AuditJournal | null;
}

const USAGE_PAGE = 500;

/**
 * Moves what the sources hold into the outbox. Usage records keep their own UUID as key and leave the
 * usage store only once they are in the outbox (a crash in between copies them again: same keys, no
 * double). Audit lines get a key as they are copied, in the transaction that moves the journal's cursor.
 */
export function collectReports(outbox: Outbox, sources: ReportSources): number {
  return collectUsage(outbox, sources.usage()) + (sources.audit ? collectAudit(outbox, sources.audit) : 0);
}

function collectUsage(outbox: Outbox, store: UsageStore | null): number {
  let added = 0;
  for (let page = store?.since(0, USAGE_PAGE) ?? []; store && page.length > 0; page = store.since(0, USAGE_PAGE)) {
    added += outbox.add(page.map(({ record }): OutboxEntry => ({ kind: 'usage', key: record.id, record })));
    store.acknowledge(page.at(-1)!.seq);
  }
  return added;
}

function collectAudit(outbox: Outbox, journal: AuditJournal): number {
  let cursor = outbox.cursor('audit');
  const entries = journal.since(0);
  // A journal that starts again from 1 (its files were removed) is read from its start.
  if ((entries.at(-1)?.seq ?? 0) < cursor) cursor = 0;
  const fresh = entries.filter((entry) => entry.seq > cursor);
  if (fresh.length === 0) return 0;
  return outbox.addFrom('audit', fresh.map((entry): OutboxEntry => ({ kind: 'audit', key: randomUUID(), line: auditLine(entry) })), fresh.at(-1)!.seq);
}

/** An administrator's act, said without the lock's timing details: what was done and how it ended. */
function auditLine(entry: AuditEntry) {
  const result = 'source' in entry ? `from the ${entry.source}` : `failures ${entry.failures}`;
  return { at: entry.at, action: entry.event, result };
}
