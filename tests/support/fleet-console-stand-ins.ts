import type { Page, Request } from '@playwright/test';
import { KioskStatusSchema, type KioskStatus } from '../../common/fleet-messages';

/**
 * Stand-ins for the routes other branches add to the fleet server (MQTT ingest: status, history,
 * commands, configuration; statistics), answering in the shapes issue 8 gives them, so the console's
 * rendering of that data is seen and checked before they are merged. Everything else reaches the real
 * server. Each status is checked with the real schema: a stand-in cannot drift from the contract.
 * Replace with the real routes (and a kiosk agent) once they are in.
 */
export interface StandIns {
  /** Bodies the console sent to the stood-in mutations, with their CSRF header. */
  sent: { method: string; url: string; body: unknown; csrf: string | undefined }[];
}

const MINUTE = 60_000;

export function status(overrides: Partial<KioskStatus>, minutesAgo = 0): KioskStatus {
  return KioskStatusSchema.parse({
    online: true,
    sentAt: new Date(Date.now() - minutesAgo * MINUTE).toISOString(),
    softwareVersion: '0.1.0',
    uptimeSeconds: 3 * 3600 + 720,
    visit: 'attract',
    devices: [
      { id: 'thermometer', kind: 'thermometer', state: 'ok', lastError: null },
      { id: 'receipt', kind: 'receiptPrinter', state: 'ok', paper: 'ok', lastError: null },
    ],
    disk: { freeBytes: 41_200_000_000, totalBytes: 64_000_000_000 },
    configVersion: 2,
    lastError: null,
    restartsLastHour: 0,
    wipeFailed: false,
    ...overrides,
  });
}

/** What the ingest adds to each real kiosk of GET /api/kiosks, by kiosk name. */
export type LiveFields = Record<string, { online: boolean; heardMinutesAgo: number | null; group: string | null; status: KioskStatus | null }>;

export async function standInRoutes(page: Page, live: LiveFields): Promise<StandIns> {
  const sent: StandIns['sent'] = [];
  const record = (request: Request) => sent.push({ method: request.method(), url: new URL(request.url()).pathname, body: request.postDataJSON(), csrf: request.headers()['x-csrf-token'] });
  const withLive = (kiosk: { name: string }) => {
    const fields = live[kiosk.name];
    if (!fields) return kiosk;
    const heardAt = fields.heardMinutesAgo === null ? null : new Date(Date.now() - fields.heardMinutesAgo * MINUTE).toISOString();
    return { ...kiosk, online: fields.online, heardAt, status: fields.status, group_name: fields.group };
  };

  await page.route(/\/api\/kiosks$/, async (route) => {
    const real = await route.fetch();
    const { kiosks } = (await real.json()) as { kiosks: { name: string }[] };
    await route.fulfill({ response: real, json: { kiosks: kiosks.map(withLive) } });
  });
  await page.route(/\/api\/kiosks\/[^/]+$/, async (route) => {
    const list = await route.fetch({ url: new URL('/api/kiosks', route.request().url()).href });
    const id = new URL(route.request().url()).pathname.split('/').pop();
    const kiosk = ((await list.json()) as { kiosks: { id: string; name: string }[] }).kiosks.find((k) => k.id === id);
    await route.fulfill(kiosk ? { json: withLive(kiosk) } : { status: 404, json: { error: `no kiosk ${id}` } });
  });
  await page.route(/\/api\/kiosks\/[^/]+\/history\?/, (route) => route.fulfill({
    json: {
      history: [300, 240, 180, 120, 60, 30, 3].map((minutesAgo, index) => ({
        heardAt: new Date(Date.now() - minutesAgo * MINUTE).toISOString(),
        status: status(index >= 4 ? { devices: [{ id: 'receipt', kind: 'receiptPrinter', state: 'degraded', paper: 'near-end', lastError: 'paper near end' }] } : {}, minutesAgo),
      })),
    },
  }));
  await page.route(/\/api\/kiosks\/[^/]+\/commands$/, async (route) => {
    if (route.request().method() === 'POST') {
      record(route.request());
      return route.fulfill({ status: 201, json: { id: '6f1c0a52-0000-4000-8000-000000000001', state: 'queued' } });
    }
    const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * MINUTE).toISOString();
    return route.fulfill({
      json: {
        commands: [
          { id: 'c3', name: 'reboot', delivery: 'online-only', state: 'expired', created_at: at(5), result_at: null, error: null, attachment: null },
          { id: 'c2', name: 'screenshot', delivery: 'queued', state: 'succeeded', created_at: at(20), result_at: at(19), error: null, attachment: 'screenshot' },
          { id: 'c1', name: 'wipe-now', delivery: 'queued', state: 'failed', created_at: at(90), result_at: at(89), error: 'the wipe could not remove the browser profile', attachment: null },
        ],
      },
    });
  });
  await page.route(/\/api\/kiosks\/[^/]+\/config$/, async (route) => {
    if (route.request().method() === 'PUT') {
      record(route.request());
      return route.fulfill({ status: 400, json: { error: 'body.config.session.idleTimeoutSeconds: Too small: expected number to be >=10' } });
    }
    return route.fulfill({ json: { desired: { version: 3, config: { kiosk: { purpose: 'production' }, session: { idleTimeoutSeconds: 90 } } }, reported: { version: 2, error: 'session.idleTimeoutSeconds: expected a number' } } });
  });
  const acknowledged = new Set<string>();
  await page.route(/\/api\/alerts\/\d+\/acknowledge$/, async (route) => {
    record(route.request());
    acknowledged.add(new URL(route.request().url()).pathname.split('/')[3]!);
    await route.fulfill({ json: { ok: true } });
  });
  await page.route(/\/api\/alerts(\?.*)?$/, async (route) => {
    const kiosks = await route.fetch({ url: new URL('/api/kiosks', route.request().url()).href });
    const first = ((await kiosks.json()) as { kiosks: { id: string }[] }).kiosks[0]?.id ?? null;
    const raised = new Date(Date.now() - 42 * MINUTE).toISOString();
    await route.fulfill({
      json: { alerts: [{ id: 7, kiosk_id: first, rule: 'paper-out', detail: 'receipt: paper out', raised_at: raised, cleared_at: null, acknowledged_by: acknowledged.has('7') ? 'admin' : null }] },
    });
  });
  let alertSettings: unknown = { offlineMinutes: 10, webhook: null };
  await page.route(/\/api\/alert-settings$/, async (route) => {
    if (route.request().method() === 'PUT') {
      record(route.request());
      alertSettings = route.request().postDataJSON();
    }
    return route.fulfill({ json: alertSettings });
  });
  await page.route(/\/api\/statistics\?/, (route) => route.fulfill({
    json: { rows: [{ key: 'passport', count: 42 }, { key: 'income-tax', count: 31 }, { key: 'family-benefits', count: 17 }, { key: null, count: 4 }] },
  }));
  return { sent };
}
