import type { KioskAccessControl } from '../broker/link';
import type { Outbound } from '../ingest/outbound';
import type { FleetStore } from '../store/store';
import type { LoginThrottle } from './login-throttle';

/** What every route handler may use; handed in so tests choose the store and the clock. */
export interface ApiDeps {
  store: FleetStore;
  now: () => Date;
  throttle: LoginThrottle;
  /** Enrolment attempts per address: a refused enrolment writes an audit line, so it must not be free. */
  enrolThrottle: LoginThrottle;
  sessionHours: number;
  /** Says things to kiosks over MQTT (a stand-in that publishes nothing when the API runs without a broker). */
  outbound: Outbound;
  /** Tells the broker about enrolments, approvals and revocations. */
  access: KioskAccessControl;
  /** A kiosk is online when heard from within this many milliseconds: never "its socket is open". */
  /** The broker address a kiosk is told, from the host it reached this API by; undefined without a broker. */
  kioskBrokerUrl: (requestHost: string) => string | undefined;
  onlineWindowMs: number;
  /** Where command attachments (screenshots, log bundles) are kept, in the server's state folder. */
  attachmentsDir: string;
}
