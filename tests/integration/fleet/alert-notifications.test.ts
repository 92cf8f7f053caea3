import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { AlertEvaluator } from '../../../fleet/server/alerts/evaluator';
import { AlertNotifier, lastDeliveries } from '../../../fleet/server/alerts/notifier';
import { DEFAULT_ALERT_SETTINGS, saveAlertSettings, type AlertSettingsInput } from '../../../fleet/server/alerts/settings';
import type { FleetStore } from '../../../fleet/server/store/store';
import { healthyStatus, storedKiosk } from '../../support/fleet-kiosks';
import { FLEET_ENGINES, fleetStores } from '../../support/fleet-stores';
import { startSmtpRecorder } from '../../support/smtp-recorder';
import { startWebhookRecorder } from '../../support/webhook-recorder';

const T0 = '2026-12-07T10:00:00.000Z';
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function webhook(status = 200) {
  const recorder = await startWebhookRecorder({ status });
  closers.push(() => recorder.close());
  return recorder;
}

/** A loopback port nothing listens on. */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const smtpTo = (port: number): AlertSettingsInput['smtp'] => ({
  host: '127.0.0.1', port, secure: false, user: 'alerts', password: 'smtp-secret', from: 'borne@example.org', to: ['duty@example.org', 'it@example.org'],
});

/** A kiosk whose last wipe failed, and an evaluator with fast retries (the backoff still doubles). */
async function wipeFailingKiosk(store: FleetStore, settings: Pick<AlertSettingsInput, 'webhook' | 'smtp'>) {
  const hall = await storedKiosk(store, 'hall', T0);
  await store.status.save(hall, { ...healthyStatus(T0), wipeFailed: true }, T0);
  await saveAlertSettings(store, { rules: DEFAULT_ALERT_SETTINGS.rules, ...settings });
  const warnings: string[] = [];
  const now = () => new Date(T0);
  const log = { warn: (message: string) => warnings.push(message) };
  const notifier = new AlertNotifier({ store, now, log, webhook: { timeoutMs: 5_000, attempts: 3, backoffMs: 20 } });
  return { hall, warnings, notifier, evaluator: new AlertEvaluator({ store, now, log, notifier }) };
}

describe.each(FLEET_ENGINES)('alert notifications on %s', (engine) => {
  const stores = fleetStores(engine);

  it('posts each raise and clear to the webhook as JSON and mails them through SMTP', async () => {
    const store = await stores.fresh();
    const hook = await webhook();
    const smtp = await startSmtpRecorder();
    closers.push(() => smtp.close());
    const run = await wipeFailingKiosk(store, { webhook: { url: hook.url }, smtp: smtpTo(smtp.port) });

    await run.evaluator.evaluate();
    await store.status.save(run.hall, healthyStatus(T0), T0);
    await run.evaluator.evaluate();
    await run.notifier.settled();

    const bodies = hook.received.map((request) => (request as { body: { event: string; alert: Record<string, unknown> } }).body);
    expect(hook.received.map((request) => (request as { method: string; contentType: string }).method)).toEqual(['POST', 'POST']);
    expect(bodies.map((body) => [body.event, body.alert.rule, body.alert.kioskName, body.alert.kioskId])).toEqual([
      ['raised', 'wipe-failure', 'hall', run.hall],
      ['cleared', 'wipe-failure', 'hall', run.hall],
    ]);
    expect(smtp.messages).toHaveLength(2);
    expect(smtp.messages[0]).toMatchObject({ from: 'borne@example.org', to: ['duty@example.org', 'it@example.org'], auth: { user: 'alerts', password: 'smtp-secret' } });
    expect(smtp.messages[0]!.data).toMatch(/^Subject: \[Borne\] alert: wipe-failure on hall$/m);
    expect(smtp.messages[1]!.data).toMatch(/^Subject: \[Borne\] cleared: wipe-failure on hall$/m);
    expect(await lastDeliveries(store)).toMatchObject({ webhook: { ok: true, event: 'cleared', attempts: 1 }, email: { ok: true, event: 'cleared' } });
    expect(run.warnings).toEqual([]);
  });

  it('tries a failing webhook again with backoff, then logs and records the failure; an unreachable SMTP server too', async () => {
    const store = await stores.fresh();
    const hook = await webhook(500);
    const run = await wipeFailingKiosk(store, { webhook: { url: hook.url }, smtp: smtpTo(await deadPort()) });

    expect(await run.evaluator.evaluate()).toEqual({ raised: 1, cleared: 0 });
    await run.notifier.settled();

    expect(hook.received).toHaveLength(3);
    const delivery = await lastDeliveries(store);
    expect(delivery.webhook).toMatchObject({ ok: false, attempts: 3, error: 'HTTP 500', event: 'raised' });
    expect(delivery.email).toMatchObject({ ok: false, error: expect.stringContaining('ECONNREFUSED') });
    expect(run.warnings.sort()).toEqual([
      expect.stringMatching(/^alert email failed after 1 attempt\(s\): .*ECONNREFUSED/),
      'alert webhook failed after 3 attempt(s): HTTP 500',
    ]);
    // The failure cost nothing but the message: the alert is open, and the next pass runs as usual.
    expect(await store.alerts.list({ open: true, limit: 10 })).toHaveLength(1);
    expect(await run.evaluator.evaluate()).toEqual({ raised: 0, cleared: 0 });
  });

  it('finishes its pass while the webhook has not answered yet', async () => {
    const store = await stores.fresh();
    const hook = await webhook();
    hook.hold = true;
    const run = await wipeFailingKiosk(store, { webhook: { url: hook.url }, smtp: null });

    expect(await run.evaluator.evaluate()).toEqual({ raised: 1, cleared: 0 });
    // The pass is over and the webhook holds the request unanswered: no delivery has finished yet.
    await waitUntil(() => hook.received.length === 1);
    expect(await lastDeliveries(store)).toEqual({ webhook: null, email: null });
    hook.release();
    await run.notifier.settled();
    expect((await lastDeliveries(store)).webhook).toMatchObject({ ok: true });
  });
});

async function waitUntil(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}
