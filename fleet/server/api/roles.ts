import type { Role } from '../store/schema';

/**
 * Who may do what in the console, in one place. Approving a kiosk brings a device into the fleet: as
 * much a trust decision as creating its token, so administrators only. Revoking must not wait for an
 * administrator when a kiosk is stolen, so operators may too.
 */
export const MAY = {
  readFleet: ['administrator', 'operator', 'viewer'],
  manageEnrolment: ['administrator'],
  approveKiosk: ['administrator'],
  revokeKiosk: ['administrator', 'operator'],
  readAudit: ['administrator', 'operator'],
  manageAccounts: ['administrator'],
  /** A release reaches every kiosk: as much a trust decision as enrolling one. */
  manageReleases: ['administrator'],
  /** Alerts and usage statistics are read by everyone; an alert is acknowledged by whoever handles it. */
  acknowledgeAlert: ['administrator', 'operator'],
  /** Webhook addresses are often secrets in themselves (a chat's incoming hook): not for viewers. */
  readAlertSettings: ['administrator', 'operator'],
  manageAlertSettings: ['administrator'],
  /** A configuration reaches every visitor of the kiosk: administrators only. */
  configureKiosk: ['administrator'],
  /** Commands are day-to-day operations (maintenance, restart, screenshot). */
  commandKiosk: ['administrator', 'operator'],
} as const satisfies Record<string, readonly Role[]>;
