// The bridge from node, as the kiosk page speaks it: the page's launch token, the renderer server's
// origin, events sent as the page sends them, and every snapshot the host pushes heard.
import type { Page } from '@playwright/test';
import WebSocket from 'ws';

/** What the benches read of a snapshot; the host's own type is common/snapshot.ts. */
export interface HeardSnapshot {
  screen: string;
  measuring: { kind: string; phase: string } | null;
  devices: Partial<Record<string, { state: string }>>;
}

export interface BridgeSocket {
  /** The last snapshot heard, null before the first. */
  readonly latest: HeardSnapshot | null;
  send(event: object): void;
  /**
   * Resolves with the first snapshot that matches: the latest one if it does, else one still to come.
   * `awaited` names it in the error when none comes within `timeoutMs`.
   */
  until(awaited: string, match: (snapshot: HeardSnapshot) => boolean, timeoutMs?: number): Promise<HeardSnapshot>;
  close(): void;
}

const snapshotIn = (data: WebSocket.RawData): HeardSnapshot | null => {
  const message = JSON.parse(String(data)) as { type?: string; snapshot?: HeardSnapshot };
  return message.type === 'snapshot' ? message.snapshot ?? null : null;
};

/** Opens a bridge connection with the launch token of `page`, the kiosk's own page. */
export async function openBridgeSocket(page: Page): Promise<BridgeSocket> {
  const { token, origin } = await page.evaluate(() => ({ token: (window as unknown as { borneLaunchToken: string }).borneLaunchToken, origin: location.origin }));
  const socket = new WebSocket(`${origin.replace('http', 'ws')}/bridge?token=${encodeURIComponent(token)}`, { origin });
  // Listening before the socket opens: the hub's first snapshot can come in the same read as the handshake.
  let latest: HeardSnapshot | null = null;
  socket.on('message', (data) => (latest = snapshotIn(data) ?? latest));
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));

  const until: BridgeSocket['until'] = (awaited, match, timeoutMs = 30_000) => {
    if (latest && match(latest)) return Promise.resolve(latest);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        socket.off('message', listen);
        reject(new Error(`no ${awaited} within ${timeoutMs} ms (last screen: ${latest?.screen ?? 'none'})`));
      }, timeoutMs);
      const listen = (data: WebSocket.RawData) => {
        const snapshot = snapshotIn(data);
        if (snapshot && match(snapshot)) {
          clearTimeout(timer);
          socket.off('message', listen);
          resolve(snapshot);
        }
      };
      socket.on('message', listen);
    });
  };

  return {
    get latest() {
      return latest;
    },
    send: (event) => socket.send(JSON.stringify(event)),
    until,
    close: () => socket.close(),
  };
}

/**
 * From attract: the touch, then whatever comes between it and home (a language, the consent notice),
 * answered as a person who wants to get on would. Resolves on home.
 */
export async function startVisitToHome(bridge: BridgeSocket, language = 'fr'): Promise<void> {
  const awaited = 'language, consent or home screen';
  const next = async () => (await bridge.until(awaited, (s) => ['language', 'consent', 'home'].includes(s.screen))).screen;
  bridge.send({ type: 'SESSION.START' });
  for (let screen = await next(); screen !== 'home'; screen = await next()) {
    if (screen === 'language') bridge.send({ type: 'LANGUAGE.CHOOSE', language });
    if (screen === 'consent') bridge.send({ type: 'CONSENT.ACCEPT' });
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
