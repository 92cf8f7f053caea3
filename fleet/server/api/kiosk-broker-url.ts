/**
 * The broker address a kiosk is told at enrolment and on every `GET /api/kiosk/self`: the one set with
 * `--mqtt-public-url`, else the server's broker without any credential in it, its wildcard host (0.0.0.0,
 * ::) replaced by the host the kiosk used to reach this API, which is the one it can reach.
 */
export function kioskBrokerUrl(options: { publicUrl?: string; brokerUrl?: string }, requestHost: string): string | undefined {
  if (options.publicUrl) return options.publicUrl;
  if (!options.brokerUrl) return undefined;
  const url = new URL(options.brokerUrl);
  url.username = '';
  url.password = '';
  if (url.hostname === '0.0.0.0' || url.hostname === '[::]') url.hostname = new URL(`http://${requestHost}`).hostname;
  return url.toString().replace(/\/$/, '');
}
