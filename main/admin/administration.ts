import path from 'node:path';
import { fromPromise } from 'xstate';
import type { RendererEvent } from '../../common/bridge';
import type { AdminConfig } from '../../kiosk-config/admin-schema';
import type { Logger } from '../log';
import type { AdminAction } from '../session/machine';
import { AdminGate, type PinVerdict } from './admin-gate';
import { appendOrLog, AuditJournal, type AuditEntry } from './audit-journal';

const AUDIT_JOURNAL_FILE = 'admin-audit.jsonl';

/** Panel commands: refused, and said so, unless the machine is on the panel (the PIN was right). */
const PANEL_COMMANDS: ReadonlySet<RendererEvent['type']> = new Set(['ADMIN.MAINTENANCE', 'ADMIN.RESTART', 'ADMIN.EXIT_TO_DESKTOP']);
export type AdminEvent = Extract<RendererEvent, { type: `ADMIN.${string}` }>;
export const isAdminEvent = (event: RendererEvent): event is AdminEvent => event.type.startsWith('ADMIN.');

type MaintenanceEntry = AuditEntry & { event: 'maintenance-on' | 'maintenance-off' };
const isMaintenance = (entry: AuditEntry): entry is MaintenanceEntry => entry.event === 'maintenance-on' || entry.event === 'maintenance-off';

/**
 * The host's side of the administrator exit: the audit journal, the PIN gate (when the profile has an
 * admin section), the machine's admin actors, and the door for admin events from the bridge.
 */
export class Administration {
  private gestureIgnoredLogged = false;

  private constructor(readonly journal: AuditJournal, private readonly gate: AdminGate | null, private readonly log: Logger) {}

  static async open(config: AdminConfig | undefined, stateDir: string, log: Logger): Promise<Administration> {
    const { journal, skippedLines } = await AuditJournal.open(path.join(stateDir, AUDIT_JOURNAL_FILE));
    if (skippedLines > 0) log.warn({ file: journal.file, skippedLines }, 'skipped unreadable lines in the administrator audit journal');
    return new Administration(journal, config ? new AdminGate(config, journal, log) : null, log);
  }

  /** Maintenance mode as an administrator (panel or fleet) last left it: a restart or a power cut does not lift it. */
  get maintenanceWasOn(): boolean {
    return this.journal.latest(isMaintenance)?.event === 'maintenance-on';
  }

  /** The session machine's admin actors. */
  actors() {
    return {
      adminLockout: fromPromise<number | null>(async () => this.gate?.lockedMinutesLeft() ?? null),
      checkAdminPin: fromPromise<PinVerdict, { pin: string }>(async ({ input }) => {
        if (!this.gate) throw new Error('no admin section in the profile');
        return this.gate.check(input.pin);
      }),
    };
  }

  /**
   * Whether an admin event from a view goes on to the machine. `accepted` asks the machine whether it
   * would take the event now (its states and guards decide). Never logs a PIN.
   */
  admit(event: AdminEvent, accepted: (event: AdminEvent) => boolean): { admit: true } | { admit: false; reason?: string } {
    if (!this.gate) {
      if (event.type === 'ADMIN.OPEN' && !this.gestureIgnoredLogged) {
        this.gestureIgnoredLogged = true;
        this.log.warn('administrator gesture ignored: the profile has no admin section (see docs/security.md)');
      }
      return { admit: false };
    }
    if (accepted(event)) return { admit: true };
    if (!PANEL_COMMANDS.has(event.type)) return { admit: false };
    this.log.warn({ command: event.type }, 'refused an administrator command: the panel is not open with a right PIN');
    return { admit: false, reason: `${event.type} refused: not authenticated` };
  }

  /** Journals what the administrator did; `source` is who asked. */
  record(action: AdminAction, source: 'panel' | 'fleet'): void {
    this.log.info({ event: action, source }, `administrator: ${action}`);
    void appendOrLog(this.journal, { event: action, source }, this.log);
  }
}
