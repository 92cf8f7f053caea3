/**
 * The console's session cookie. HttpOnly (no script reads it), SameSite=Strict (no other site's page
 * sends it), Secure whenever the request came over TLS. Written by hand: the cookie plugin's parser
 * wants a newer Node than the repository supports, and one cookie needs a few lines.
 */
export const SESSION_COOKIE = 'borne_fleet_session';

export function sessionCookie(token: string, maxAgeSeconds: number, secure: boolean): string {
  const attributes = [`${SESSION_COOKIE}=${token}`, 'Path=/', 'HttpOnly', 'SameSite=Strict', `Max-Age=${maxAgeSeconds}`];
  if (secure) attributes.push('Secure');
  return attributes.join('; ');
}

export function clearedSessionCookie(secure: boolean): string {
  return sessionCookie('', 0, secure);
}

/** The session token from a Cookie header, or undefined. Tokens are base64url, so no decoding is needed. */
export function sessionTokenFrom(cookieHeader: string | undefined): string | undefined {
  for (const pair of (cookieHeader ?? '').split(';')) {
    const [name, ...value] = pair.trim().split('=');
    if (name === SESSION_COOKIE) return value.join('=') || undefined;
  }
  return undefined;
}
