import { createHash } from 'node:crypto';
import { z } from 'zod';
import { KioskIdSchema } from '../../common/fleet-messages';
import { issueLines } from '../../common/issues';
import { fail, ok, type Result } from '../../common/result';
import { fleetFiles, readJson, writePrivateJson } from './fleet-files';

/** What a kiosk keeps of its enrolment. The credential is its HTTP bearer token and its MQTT password. */
export const EnrolmentSchema = z.object({
  fleetUrl: z.url({ protocol: /^https?$/ }),
  kioskId: KioskIdSchema,
  credential: z.string().min(16).max(200),
  mqttUrl: z.url({ protocol: /^mqtts?$/ }),
  /** SHA-256 of the token it enrolled with: the same `--enrol` at the next start is not spent again. */
  tokenHash: z.string().regex(/^[0-9a-f]{64}$/),
}).strict();
export type Enrolment = z.infer<typeof EnrolmentSchema>;

/**
 * The broker's address when the server does not say it: the fleet server's host, MQTT over TLS (8883)
 * when the API is HTTPS, plain MQTT (1883) otherwise, the ports the embedded broker and Mosquitto use.
 */
export function defaultMqttUrl(fleetUrl: string): string {
  const url = new URL(fleetUrl);
  return url.protocol === 'https:' ? `mqtts://${url.hostname}:8883` : `mqtt://${url.hostname}:1883`;
}

/** The stored enrolment, null when this kiosk never enrolled; a damaged file is an error that says which file. */
export async function readEnrolment(stateDir: string): Promise<Result<Enrolment | null>> {
  const file = fleetFiles(stateDir).enrolment;
  let json: unknown;
  try {
    json = await readJson(file);
  } catch (error) {
    return fail(`${file}: ${(error as Error).message}`);
  }
  if (json === undefined) return ok(null);
  const parsed = EnrolmentSchema.safeParse(json);
  return parsed.success ? ok(parsed.data) : fail(`${file}: ${issueLines(parsed.error.issues).join('; ')}`);
}

export async function writeEnrolment(stateDir: string, enrolment: Enrolment): Promise<void> {
  await writePrivateJson(fleetFiles(stateDir).enrolment, enrolment);
}

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');
