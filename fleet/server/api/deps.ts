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
  /** A kiosk is online when heard from within this many seconds: never "its socket is open". */
  onlineWindowSeconds: number;
}
