import { setTimeout as sleep } from 'node:timers/promises';
import { fail, ok, type Result } from '../../common/result';
import type { Logger } from '../log';
import { defaultMqttUrl, EnrolmentSchema, tokenHash, writeEnrolment, type Enrolment } from './enrolment';
import { enrolOverHttp, selfOverHttp } from './fleet-http';
import { jitteredDelayMs } from './reconnect-delay';

/**
 * Trades a one-time token for this kiosk's credential (POST /api/enrol) and keeps it in the state folder.
 * Once: a token is spent by the first answer, so a failure here is reported, never retried.
 */
export async function enrolKiosk(options: { stateDir: string; fleetUrl: string; token: string; name: string }): Promise<Result<Enrolment>> {
  const answer = await enrolOverHttp(options.fleetUrl, options.token, options.name);
  if (!answer.ok) return fail(`enrolment with ${options.fleetUrl} failed: ${answer.error.message}`);
  const enrolment = EnrolmentSchema.safeParse({
    fleetUrl: options.fleetUrl,
    kioskId: answer.value.kioskId,
    credential: answer.value.credential,
    mqttUrl: answer.value.mqttUrl ?? defaultMqttUrl(options.fleetUrl),
    tokenHash: tokenHash(options.token),
  });
  if (!enrolment.success) return fail(`the fleet server's enrolment answer is unusable: ${enrolment.error.issues[0]?.message}`);
  await writeEnrolment(options.stateDir, enrolment.data);
  return ok(enrolment.data);
}

export interface ApprovalWait {
  stateDir: string;
  log: Logger;
  /** Stops the wait (the host stops); the promise then resolves with a failure. */
  signal: AbortSignal;
  random?: () => number;
}

/**
 * Asks GET /api/kiosk/self until an administrator approves this kiosk, waiting longer each time (full
 * jitter, up to two minutes) so that a fleet of new kiosks does not poll in step. A revoked kiosk stops
 * here for good. The broker address the server names replaces the stored one.
 */
export async function waitForApproval(enrolment: Enrolment, wait: ApprovalWait): Promise<Result<Enrolment>> {
  for (let attempt = 0; !wait.signal.aborted; attempt++) {
    const self = await selfOverHttp(enrolment.fleetUrl, enrolment.credential);
    if (self.ok && self.value.state === 'approved') {
      const mqttUrl = self.value.mqttUrl;
      if (mqttUrl && mqttUrl !== enrolment.mqttUrl && EnrolmentSchema.shape.mqttUrl.safeParse(mqttUrl).success) {
        enrolment = { ...enrolment, mqttUrl };
        await writeEnrolment(wait.stateDir, enrolment);
      }
      return ok(enrolment);
    }
    if (self.ok && self.value.state === 'revoked') return fail('this kiosk was revoked by the fleet: enrol it again with a new token');
    if (!self.ok && (self.error.status === 401 || self.error.status === 403)) return fail(`the fleet refuses this kiosk's credential (${self.error.message}): enrol it again with a new token`);
    if (attempt === 0 || !self.ok) wait.log.info({ reason: self.ok ? 'pending' : self.error.message }, 'waiting for the fleet to approve this kiosk');
    await sleep(jitteredDelayMs(attempt, wait.random), undefined, { signal: wait.signal }).catch(() => undefined);
  }
  return fail('stopped while waiting for approval');
}
