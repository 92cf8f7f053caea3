import type { z } from 'zod';

/**
 * Every call to the fleet API goes through here: the session cookie rides along (same origin), each
 * POST or PUT echoes the CSRF token, and the answer is a value, never a thrown error. A 404 naming no
 * route means this server does not have the feature yet: pages show that instead of failing.
 */
export type ApiAnswer<T> =
  | { ok: true; value: T }
  | { ok: false; kind: 'unavailable' | 'refused' | 'network'; status: number; error: string; retryAfterSeconds?: number };

let csrfToken: string | undefined;
/** Set at login and by GET /api/session after a reload. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** Called when any answer says the session is over, so the app returns to the login page. */
let onSessionLost: () => void = () => undefined;
export function whenSessionLost(callback: () => void): void {
  onSessionLost = callback;
}

export async function api<S extends z.ZodType>(method: 'GET' | 'POST' | 'PUT', url: string, schema: S, body?: unknown): Promise<ApiAnswer<z.infer<S>>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(url, { method, headers, credentials: 'same-origin', ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  } catch {
    return { ok: false, kind: 'network', status: 0, error: 'network' };
  }
  const json: unknown = await response.json().catch(() => undefined);
  const message = typeof (json as { error?: unknown } | undefined)?.error === 'string' ? (json as { error: string }).error : `HTTP ${response.status}`;
  if (!response.ok) {
    if (response.status === 401 && url !== '/api/login') onSessionLost();
    const unavailable = response.status === 404 && message.startsWith('no route');
    const retryAfter = Number(response.headers.get('retry-after'));
    return {
      ok: false,
      kind: unavailable ? 'unavailable' : 'refused',
      status: response.status,
      error: message,
      ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterSeconds: retryAfter } : {}),
    };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) return { ok: false, kind: 'refused', status: response.status, error: `unexpected answer from ${url}: ${parsed.error.issues[0]?.path.join('.') ?? ''}` };
  return { ok: true, value: parsed.data };
}
