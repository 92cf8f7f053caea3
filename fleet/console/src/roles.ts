import { MAY } from '../../server/api/roles';
import type { Role } from '../../server/store/schema';

/**
 * Which buttons a role sees. The server's own table decides what exists there; the actions its newer
 * routes add (commands, configuration, alerts, groups) are the operator's daily work, as
 * docs/fleet-protocol.md describes the operator role. The server refuses anyway: hiding is courtesy.
 */
const STEER: readonly Role[] = ['administrator', 'operator'];

export const CONSOLE_MAY = {
  ...MAY,
  steerKiosk: STEER,
  acknowledgeAlerts: STEER,
  /** Where alerts go (a webhook, an SMTP server) is a trust decision, as enrolment is. */
  manageAlertSettings: MAY.manageEnrolment,
} as const;

export type ConsoleAction = keyof typeof CONSOLE_MAY;

export function may(role: Role, action: ConsoleAction): boolean {
  return (CONSOLE_MAY[action] as readonly Role[]).includes(role);
}
