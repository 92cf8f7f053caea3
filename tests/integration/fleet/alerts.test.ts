import { describe, expect, it } from 'vitest';
import type { KioskStatus } from '../../../common/fleet-messages';
import { AlertEvaluator } from '../../../fleet/server/alerts/evaluator';
import { AlertNotifier } from '../../../fleet/server/alerts/notifier';
import { DEFAULT_ALERT_SETTINGS, saveAlertSettings } from '../../../fleet/server/alerts/settings';
import type { FleetStore } from '../../../fleet/server/store/store';
import { healthyStatus, storedKiosk } from '../../support/fleet-kiosks';
import { FLEET_ENGINES, fleetStores } from '../../support/fleet-stores';

const T0 = Date.parse('2026-12-07T10:00:00.000Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

/** An evaluator over `store` whose clock the test moves, with a notifier that has nowhere to send. */
function evaluatorOn(store: FleetStore) {
  let minutes = 0;
  const warnings: string[] = [];
  const now = () => new Date(T0 + minutes * 60_000);
  const log = { warn: (message: string) => warnings.push(message) };
  const notifier = new AlertNotifier({ store, now, log });
  const evaluator = new AlertEvaluator({ store, now, log, notifier });
  return {
    evaluator,
    warnings,
    moveTo(to: number) {
      minutes = to;
    },
    async open() {
      const alerts = await store.alerts.list({ open: true, limit: 100 });
      return alerts.map((alert) => `${alert.kiosk_name}/${alert.rule}: ${alert.detail}`).sort();
    },
  };
}

describe.each(FLEET_ENGINES)('alert rules on %s', (engine) => {
  const stores = fleetStores(engine);

  it('raises one open alert per kiosk and rule for what a status shows, and clears each when it is over', async () => {
    const store = await stores.fresh();
    const hall = await storedKiosk(store, 'hall', at(0));
    const run = evaluatorOn(store);
    const troubled: KioskStatus = {
      ...healthyStatus(at(1)),
      devices: [
        { id: 'printer-1', kind: 'receiptPrinter', state: 'degraded', paper: 'near-end', lastError: null },
        { id: 'thermo-1', kind: 'thermometer', state: 'error', lastError: 'no answer' },
      ],
      restartsLastHour: 3,
      wipeFailed: true,
    };
    await store.status.save(hall, troubled, at(1));
    run.moveTo(2);
    expect(await run.evaluator.evaluate()).toEqual({ raised: 4, cleared: 0 });
    expect(await run.open()).toEqual([
      'hall/crash-loop: 3 restarts in the last hour',
      'hall/device-error: thermometer thermo-1: error',
      'hall/paper: receiptPrinter printer-1: paper low',
      'hall/wipe-failure: the last end-of-visit wipe failed: visits are refused until it is mended',
    ]);

    // Still true a pass later: nothing new; the paper running out changes the open alert's detail only.
    await store.status.save(hall, { ...troubled, devices: [{ ...troubled.devices[0]!, paper: 'out' }, troubled.devices[1]!] }, at(3));
    run.moveTo(3);
    expect(await run.evaluator.evaluate()).toEqual({ raised: 0, cleared: 0 });
    expect(await run.open()).toContain('hall/paper: receiptPrinter printer-1: paper out');
    expect(await store.alerts.list({ limit: 100 })).toHaveLength(4);

    await store.status.save(hall, healthyStatus(at(4)), at(4));
    run.moveTo(4);
    expect(await run.evaluator.evaluate()).toEqual({ raised: 0, cleared: 4 });
    expect(await run.open()).toEqual([]);
    const cleared = await store.alerts.list({ open: false, limit: 100 });
    expect(cleared.map((alert) => alert.cleared_at)).toEqual([at(4), at(4), at(4), at(4)]);
  });

  it('calls an approved kiosk offline once it is silent for the window, or never heard from since enrolment', async () => {
    const store = await stores.fresh();
    const heard = await storedKiosk(store, 'heard', at(0));
    await storedKiosk(store, 'silent', at(0));
    await storedKiosk(store, 'waiting', at(0), 'pending');
    await store.status.save(heard, healthyStatus(at(0)), at(0));
    const run = evaluatorOn(store);

    run.moveTo(9);
    expect(await run.evaluator.evaluate()).toEqual({ raised: 0, cleared: 0 });
    run.moveTo(10);
    await run.evaluator.evaluate();
    expect(await run.open()).toEqual([
      `heard/offline: not heard from since ${at(0)}`,
      `silent/offline: never heard from since its enrolment at ${at(0)}`,
    ]);

    await store.status.save(heard, healthyStatus(at(11)), at(11));
    run.moveTo(11);
    expect(await run.evaluator.evaluate()).toEqual({ raised: 0, cleared: 1 });
    expect(await run.open()).toEqual([`silent/offline: never heard from since its enrolment at ${at(0)}`]);
  });

  it('follows the rules\' settings: thresholds, absent devices, and a disabled rule clears its open alerts', async () => {
    const store = await stores.fresh();
    const hall = await storedKiosk(store, 'hall', at(0));
    const status: KioskStatus = {
      ...healthyStatus(at(0)),
      devices: [{ id: 'thermo-1', kind: 'thermometer', state: 'absent', lastError: null }, { id: 'printer-1', kind: 'receiptPrinter', state: 'ok', paper: 'near-end', lastError: null }],
      restartsLastHour: 3,
    };
    await store.status.save(hall, status, at(0));
    const run = evaluatorOn(store);
    const rules = DEFAULT_ALERT_SETTINGS.rules;
    await saveAlertSettings(store, { webhook: null, smtp: null, rules: {
      ...rules, 'device-error': { enabled: true, absent: true }, 'crash-loop': { enabled: true, restartsPerHour: 4 }, paper: { enabled: true, nearEnd: false },
    } });
    await run.evaluator.evaluate();
    expect(await run.open()).toEqual(['hall/device-error: thermometer thermo-1: absent']);

    await saveAlertSettings(store, { webhook: null, smtp: null, rules: { ...rules, 'device-error': { enabled: false, absent: true } } });
    expect(await run.evaluator.evaluate()).toEqual({ raised: 2, cleared: 1 });
    expect(await run.open()).toEqual(['hall/crash-loop: 3 restarts in the last hour', 'hall/paper: receiptPrinter printer-1: paper low']);
  });

  it('clears the alerts of a kiosk that is revoked, and names it still', async () => {
    const store = await stores.fresh();
    const hall = await storedKiosk(store, 'hall', at(0));
    await store.status.save(hall, { ...healthyStatus(at(0)), wipeFailed: true }, at(0));
    const run = evaluatorOn(store);
    await run.evaluator.evaluate();
    expect(await run.open()).toEqual(['hall/wipe-failure: the last end-of-visit wipe failed: visits are refused until it is mended']);
    await store.kiosks.move(hall, ['approved'], 'revoked');
    expect(await run.evaluator.evaluate()).toEqual({ raised: 0, cleared: 1 });
    expect((await store.alerts.list({ limit: 10 }))[0]?.kiosk_name).toBe('hall');
  });

  it('evaluates on its own once started, and stops', async () => {
    const store = await stores.fresh();
    const hall = await storedKiosk(store, 'hall', at(0));
    await store.status.save(hall, { ...healthyStatus(at(0)), restartsLastHour: 9 }, at(0));
    const run = evaluatorOn(store);
    run.evaluator.start(20);
    try {
      while ((await run.open()).length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      await run.evaluator.stop();
    }
    expect(await run.open()).toEqual(['hall/crash-loop: 9 restarts in the last hour']);
    expect(run.warnings).toEqual([]);
  });

  it('keeps one open alert per kiosk and rule in the store itself, as two servers evaluating at once would need', async () => {
    const store = await stores.fresh();
    const hall = await storedKiosk(store, 'hall', at(0));
    const alert = { kioskId: hall, rule: 'offline', detail: 'not heard from', at: at(0) };
    const first = await store.alerts.raise(alert);
    expect(first).toMatchObject({ kiosk_id: hall, rule: 'offline', cleared_at: null });
    expect(await store.alerts.raise(alert)).toBeUndefined();
    expect(await store.alerts.raise({ ...alert, rule: 'paper' })).toBeDefined();
    await store.alerts.clear(first!.id, at(1));
    expect(await store.alerts.raise({ ...alert, at: at(2) })).toMatchObject({ raised_at: at(2) });
    expect(await store.alerts.list({ limit: 10 })).toHaveLength(3);
  });
});
