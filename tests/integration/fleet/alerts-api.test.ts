import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_ALERT_SETTINGS } from '../../../fleet/server/alerts/settings';
import type { FleetStore } from '../../../fleet/server/store/store';
import { fleetApiOn, T0, type ConsoleLogin } from '../../support/fleet-api';
import { storedKiosk } from '../../support/fleet-kiosks';
import { FLEET_ENGINES, fleetStores } from '../../support/fleet-stores';
import { startSmtpRecorder } from '../../support/smtp-recorder';
import { startWebhookRecorder } from '../../support/webhook-recorder';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

/** The API with a console of each role, and PUT, which the shared helper does not send. */
async function consoleOn(store: FleetStore) {
  const api = fleetApiOn(store);
  const admin = await api.loggedIn('ada', 'administrator');
  const operator = await api.loggedIn('otto', 'operator');
  const viewer = await api.loggedIn('vic', 'viewer');
  const put = (url: string, payload: object, as: ConsoleLogin) =>
    api.app.inject({ method: 'PUT', url, payload, headers: { cookie: as.cookie, 'x-csrf-token': as.csrf } });
  return { api, admin, operator, viewer, put };
}

const smtp = (port: number, password?: string | null) => ({
  host: '127.0.0.1', port, secure: false, user: 'alerts', from: 'borne@example.org', to: ['duty@example.org'], ...(password === undefined ? {} : { password }),
});

describe.each(FLEET_ENGINES)('alerts API on %s', (engine) => {
  const stores = fleetStores(engine);

  it('lists open alerts to every role and lets an operator, not a viewer, acknowledge one, once, with an audit line', async () => {
    const store = await stores.fresh();
    const { api, operator, viewer } = await consoleOn(store);
    const hall = await storedKiosk(store, 'hall', T0.toISOString());
    const open = (await store.alerts.raise({ kioskId: hall, rule: 'paper', detail: 'receiptPrinter p: paper out', at: T0.toISOString() }))!;
    const gone = (await store.alerts.raise({ kioskId: hall, rule: 'offline', detail: 'not heard from', at: T0.toISOString() }))!;
    await store.alerts.clear(gone.id, T0.toISOString());

    const listed = await api.get('/api/alerts?open=true', viewer);
    expect(listed.statusCode).toBe(200);
    expect(listed.json().alerts.map((alert: { id: number; kiosk_name: string }) => [alert.id, alert.kiosk_name])).toEqual([[open.id, 'hall']]);
    expect((await api.get('/api/alerts', viewer)).json().alerts).toHaveLength(2);

    expect((await api.post(`/api/alerts/${open.id}/acknowledge`, undefined, viewer)).statusCode).toBe(403);
    const acknowledged = await api.post(`/api/alerts/${open.id}/acknowledge`, undefined, operator);
    expect(acknowledged.statusCode).toBe(200);
    expect(acknowledged.json()).toMatchObject({ id: open.id, acknowledged_at: T0.toISOString(), cleared_at: null });
    const again = await api.post(`/api/alerts/${open.id}/acknowledge`, undefined, operator);
    expect(again.statusCode).toBe(409);
    expect((await api.post('/api/alerts/999/acknowledge', undefined, operator)).statusCode).toBe(404);
    const badId = await api.post('/api/alerts/first/acknowledge', undefined, operator);
    expect(badId.statusCode).toBe(400);
    expect(badId.json().error).toMatch(/^params\.id: /);
    expect((await api.get('/api/alerts?open=maybe', viewer)).json().error).toMatch(/^query\.open: /);

    const lines = (await store.audit.recent({ limit: 20 })).filter((line) => line.action === 'alert.acknowledge');
    expect(lines.map((line) => [line.result, line.kiosk_id, line.detail])).toEqual([
      [expect.stringMatching(/^refused: params\.id: /), null, null],
      ['refused: no alert 999', null, null],
      [expect.stringMatching(/^refused: alert \d+ was acknowledged already/), hall, `alert ${open.id} (paper)`],
      ['ok', hall, `alert ${open.id} (paper)`],
      ['refused: the viewer role may not do this', null, null],
    ]);
  });

  it('lets only an administrator change the settings, and never returns the SMTP password', async () => {
    const store = await stores.fresh();
    const { api, admin, operator, viewer, put } = await consoleOn(store);
    const settings = { rules: { ...DEFAULT_ALERT_SETTINGS.rules, offline: { enabled: true, minutes: 30 } }, webhook: { url: 'https://hooks.example.org/borne' }, smtp: smtp(25, 'smtp-secret') };

    expect((await api.get('/api/alert-settings', viewer)).statusCode).toBe(403);
    expect((await api.get('/api/alert-settings', operator)).json()).toEqual({ ...DEFAULT_ALERT_SETTINGS, delivery: { webhook: null, email: null } });
    expect((await put('/api/alert-settings', settings, operator)).statusCode).toBe(403);
    const saved = await put('/api/alert-settings', settings, admin);
    expect(saved.statusCode).toBe(200);
    expect(saved.body).not.toContain('smtp-secret');
    expect(saved.json().smtp).toEqual({ ...smtp(25), passwordSet: true });

    // Left out, the password is kept; null removes it.
    await put('/api/alert-settings', { ...settings, smtp: smtp(587) }, admin);
    expect(JSON.stringify((await api.get('/api/alert-settings', operator)).json())).not.toContain('smtp-secret');
    expect((await api.get('/api/alert-settings', operator)).json().smtp).toMatchObject({ port: 587, passwordSet: true });
    // What GET answers goes back through PUT as it came (the console edits it as JSON): the password stays.
    const shown = (await api.get('/api/alert-settings', admin)).json();
    expect((await put('/api/alert-settings', { ...shown, rules: { ...shown.rules, paper: { enabled: false, nearEnd: true } } }, admin)).statusCode).toBe(200);
    expect(await store.settings.get('alerts')).toContain('smtp-secret');
    expect((await store.settings.get('alerts'))).toContain('smtp-secret');
    await put('/api/alert-settings', { ...settings, smtp: smtp(587, null) }, admin);
    expect((await api.get('/api/alert-settings', operator)).json().smtp.passwordSet).toBe(false);

    const lines = await store.audit.recent({ limit: 10 });
    expect(lines.filter((line) => line.action === 'alert-settings.change').map((line) => line.result)).toEqual(['ok', 'ok', 'ok', 'ok', 'refused: the operator role may not do this']);
    expect(JSON.stringify(lines)).not.toContain('smtp-secret');
  });

  it('refuses malformed settings with a 400 naming the field, and keeps the stored ones', async () => {
    const store = await stores.fresh();
    const { api, admin, put } = await consoleOn(store);
    const rules = DEFAULT_ALERT_SETTINGS.rules;
    const cases: [object, RegExp][] = [
      [{ rules: { ...rules, offline: { enabled: true, minutes: 0 } }, webhook: null, smtp: null }, /^body\.rules\.offline\.minutes: /],
      [{ rules: { ...rules, 'crash-loop': { enabled: 'yes', restartsPerHour: 3 } }, webhook: null, smtp: null }, /^body\.rules\.crash-loop\.enabled: /],
      [{ rules, webhook: { url: 'file:///etc/passwd' }, smtp: null }, /^body\.webhook\.url: an http:\/\/ or https:\/\/ URL/],
      [{ rules, webhook: null, smtp: { ...smtp(25), to: ['not an address'] } }, /^body\.smtp\.to\.0: /],
      [{ rules, webhook: null, smtp: { ...smtp(70000) } }, /^body\.smtp\.port: /],
      [{ rules, webhook: null }, /^body\.smtp: /],
    ];
    for (const [payload, message] of cases) {
      const answer = await put('/api/alert-settings', payload, admin);
      expect(answer.statusCode, JSON.stringify(payload)).toBe(400);
      expect(answer.json().error).toMatch(message);
    }
    expect((await api.get('/api/alert-settings', admin)).json()).toMatchObject(DEFAULT_ALERT_SETTINGS);
  });

  it('sends a test notification to the webhook and by email and reports how each went', async () => {
    const store = await stores.fresh();
    const { api, admin, operator, put } = await consoleOn(store);
    expect((await api.post('/api/alert-settings/test', undefined, admin)).statusCode).toBe(409);

    const hook = await startWebhookRecorder({ status: 503 });
    const mail = await startSmtpRecorder();
    closers.push(() => hook.close(), () => mail.close());
    await put('/api/alert-settings', { rules: DEFAULT_ALERT_SETTINGS.rules, webhook: { url: hook.url }, smtp: smtp(mail.port, 'smtp-secret') }, admin);

    expect((await api.post('/api/alert-settings/test', undefined, operator)).statusCode).toBe(403);
    const tested = await api.post('/api/alert-settings/test', undefined, admin);
    expect(tested.statusCode).toBe(200);
    expect(tested.json()).toEqual({ webhook: { ok: false, attempts: 1, error: 'HTTP 503' }, email: { ok: true, attempts: 1 } });
    expect(hook.received).toEqual([{ method: 'POST', contentType: 'application/json', body: { event: 'test', at: T0.toISOString(), alert: null } }]);
    expect(mail.messages[0]?.data).toMatch(/^Subject: \[Borne\] test notification$/m);
    const shown = (await api.get('/api/alert-settings', admin)).json().delivery;
    expect(shown).toMatchObject({ webhook: { ok: false, error: 'HTTP 503', event: 'test' }, email: { ok: true, event: 'test' } });
    const [line] = await store.audit.recent({ limit: 1 });
    expect(line).toMatchObject({ action: 'alert-settings.test', result: 'ok', detail: 'webhook failed: HTTP 503; email ok' });
  });

  it('describes the new routes in the OpenAPI document, the CSV as text/csv', async () => {
    const { api } = await consoleOn(await stores.fresh());
    const { paths } = (await api.get('/api/openapi.json')).json();
    expect(Object.keys(paths['/api/alert-settings'])).toEqual(['get', 'put']);
    expect(paths['/api/alerts/{id}/acknowledge']).toHaveProperty('post');
    expect(Object.keys(paths['/api/statistics.csv'].get.responses['200'].content)).toEqual(['text/csv']);
    expect(paths['/api/statistics'].get.parameters.map((parameter: { name: string }) => parameter.name)).toEqual(['from', 'to', 'by']);
  });
});
