import { z } from 'zod';
import { issueLines } from '../../common/issues';
import { fail, ok, type Result } from '../../common/result';
import { errorMessage } from '../../common/error-message';

/**
 * The fleet server's HTTP answers a kiosk reads (fleet/server/api/routes/enrolment.ts). `mqttUrl` is the
 * broker the server tells its kiosks to use; a server that does not say leaves the kiosk to its default.
 */
const EnrolAnswerSchema = z.object({
  kioskId: z.string(),
  credential: z.string(),
  state: z.literal('pending'),
  mqttUrl: z.string().optional(),
});
export type EnrolAnswer = z.infer<typeof EnrolAnswerSchema>;
const SelfAnswerSchema = z.object({
  id: z.string(),
  state: z.enum(['pending', 'approved', 'revoked']),
  mqttUrl: z.string().optional(),
});
export type SelfAnswer = z.infer<typeof SelfAnswerSchema>;

/** A refusal carries the HTTP status, so the caller can tell "try later" (5xx, network) from "never" (4xx). */
export interface HttpFailure {
  status: number | null;
  message: string;
}

const TIMEOUT_MS = 15_000;

export function enrolOverHttp(fleetUrl: string, token: string, name: string): Promise<Result<EnrolAnswer, HttpFailure>> {
  return call(new URL('/api/enrol', fleetUrl), { method: 'POST', body: JSON.stringify({ token, name }), headers: { 'content-type': 'application/json' } }, EnrolAnswerSchema);
}

export function selfOverHttp(fleetUrl: string, credential: string): Promise<Result<SelfAnswer, HttpFailure>> {
  return call(new URL('/api/kiosk/self', fleetUrl), { headers: { authorization: `Bearer ${credential}` } }, SelfAnswerSchema);
}

/** Uploads a command's attachment (a screenshot, a log bundle) with the kiosk's credential. */
export async function uploadAttachment(fleetUrl: string, credential: string, commandId: string, body: Buffer, contentType: string): Promise<Result<void, HttpFailure>> {
  const url = new URL(`/api/kiosk/commands/${encodeURIComponent(commandId)}/attachment`, fleetUrl);
  const answer = await call(url, { method: 'POST', body: new Uint8Array(body), headers: { authorization: `Bearer ${credential}`, 'content-type': contentType } }, z.unknown());
  return answer.ok ? ok(undefined) : answer;
}

async function call<T>(url: URL, init: RequestInit, schema: z.ZodType<T>): Promise<Result<T, HttpFailure>> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    return fail({ status: null, message: `${url.origin} cannot be reached: ${errorMessage(error)}` });
  }
  const text = await response.text().catch(() => '');
  let json: unknown;
  try {
    json = text === '' ? null : JSON.parse(text);
  } catch {
    json = undefined;
  }
  if (!response.ok) {
    const said = (json as { error?: unknown } | undefined)?.error;
    return fail({ status: response.status, message: `${url.pathname} answered ${response.status}${typeof said === 'string' ? `: ${said}` : ''}` });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) return fail({ status: response.status, message: `${url.pathname} answered something unexpected: ${issueLines(parsed.error.issues).join('; ')}` });
  return ok(parsed.data);
}
