/// <reference lib="dom" />
import { test as base, expect, type Browser, type Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { axeViolations } from '../support/axe';
import { startFleetServer, type TestFleetServer } from '../support/fleet-server';
import { standInRoutes, status } from '../support/fleet-console-stand-ins';
import { launchChromium } from '../support/renderer-preview/preview';

const SHOTS = '/tmp/shots-console';
const ADMIN_PASSWORD = 'the first administrator passphrase';

/**
 * The fleet console in the system Chromium against a real fleet server (fresh SQLite store, free port)
 * that serves the built console; kiosks enrol through the real HTTP API, as `npm start -- --enrol` does.
 */
const test = base.extend<{ language: string; fleet: TestFleetServer; browser: Browser; console: Page; problems: string[] }>({
  // The browser's language picks the console's (fleet/console/src/texts.ts); the specs read English unless told.
  language: ['en-GB', { option: true }],
  fleet: async ({}, use) => {
    const fleet = await startFleetServer();
    await fleet.account('admin', 'administrator', ADMIN_PASSWORD);
    await use(fleet);
    await fleet.close();
  },
  browser: async ({}, use) => {
    const browser = await launchChromium();
    await use(browser);
    await browser.close();
  },
  problems: async ({}, use) => {
    await use([]);
  },
  console: async ({ browser, fleet, problems, language }, use) => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: language });
    const page = await context.newPage();
    page.on('pageerror', (error) => problems.push(error.message));
    // A 4xx answer is one the page handles (a route this server lacks, a refused login); anything else, a CSP refusal
    // first of all, is a problem.
    page.on('console', (message) => {
      if (message.type() === 'error' && !/^Failed to load resource: the server responded with a status of 4\d\d/.test(message.text())) problems.push(message.text());
    });
    await page.goto(`${fleet.origin}/`);
    await use(page);
    await context.close();
  },
});

async function logIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
}

/** A refused login empties the password field once the answer is in: the next attempt may start. */
async function failLogIn(page: Page, username: string, password: string): Promise<void> {
  await logIn(page, username, password);
  await expect(page.getByLabel('Password')).toHaveValue('');
}

async function enrolKiosk(fleet: TestFleetServer, token: string, name: string): Promise<string> {
  const answer = await fetch(`${fleet.origin}/api/enrol`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, name }) });
  expect(answer.status).toBe(201);
  return ((await answer.json()) as { kioskId: string }).kioskId;
}

/** The administrator over the real HTTP API, to prepare kiosks without clicking through the console. */
async function adminApi(fleet: TestFleetServer) {
  const login = await fetch(`${fleet.origin}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }) });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const post = (url: string, body: object = {}) => fetch(`${fleet.origin}${url}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken }, body: JSON.stringify(body) });
  return {
    async enrol(name: string): Promise<string> {
      const { token } = (await (await post('/api/enrolment-tokens')).json()) as { token: string };
      return enrolKiosk(fleet, token, name);
    },
    async approve(kioskId: string): Promise<void> {
      expect((await post(`/api/kiosks/${kioskId}/approve`)).status).toBe(200);
    },
  };
}

const section = (page: Page, name: string) => page.getByRole('navigation', { name: 'Console sections' }).getByRole('link', { name });
const main = (page: Page) => page.getByRole('main');

test('a wrong password is told apart from a lock-out, which says when to try again', async ({ console: page, problems }) => {
  await failLogIn(page, 'admin', 'not the password');
  await expect(page.getByRole('alert')).toHaveText('Wrong username or password.');
  await page.screenshot({ path: path.join(SHOTS, 'login-wrong-password.png') });
  // Five failures lock the username (fleet/server/api/login-throttle.ts), even with the right password.
  for (let attempt = 2; attempt <= 5; attempt += 1) await failLogIn(page, 'admin', `wrong ${attempt}`);
  await logIn(page, 'admin', ADMIN_PASSWORD);
  await expect(page.getByRole('alert')).toHaveText(/logging in is locked\. Try again in 15 minutes\./);
  expect(problems).toEqual([]);
});

test('an administrator enrols a kiosk with a token, approves it, creates a viewer; the audit log shows each step', async ({ console: page, fleet, problems }) => {
  await page.screenshot({ path: path.join(SHOTS, 'login.png') });
  expect(await axeViolations(page)).toEqual([]);
  await logIn(page, 'admin', ADMIN_PASSWORD);
  await expect(page.locator('[data-counts]')).toHaveText('0 kiosks · 0 online · 0 need attention');

  await section(page, 'Enrolment').click();
  await page.getByLabel('Token valid for (minutes)').fill('30');
  await page.getByRole('button', { name: 'Create token' }).click();
  const token = await page.getByRole('textbox', { name: 'Enrolment token' }).inputValue();
  expect(token.length).toBeGreaterThan(20);
  await expect(page.getByRole('textbox', { name: 'On the kiosk, run' })).toHaveValue(`npm start -- --fleet ${fleet.origin} --enrol ${token}`);
  await page.screenshot({ path: path.join(SHOTS, 'enrolment-token.png') });

  const kioskId = await enrolKiosk(fleet, token, 'Town hall, ground floor');
  await section(page, 'Fleet').click();
  const row = page.locator(`[data-kiosk="${kioskId}"]`);
  await expect(row).toContainText('pending');
  await expect(page.locator('[data-counts]')).toHaveText('1 kiosk · 0 online · 1 needs attention');
  await row.getByRole('button', { name: 'Approve Town hall, ground floor' }).click();
  await expect(row).toContainText('approved');
  await expect(row.getByRole('button', { name: 'Approve' })).toHaveCount(0);
  // Approved but never heard from: that wants someone's attention.
  await expect(page.locator('[data-counts]')).toHaveText('1 kiosk · 0 online · 1 needs attention');
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: path.join(SHOTS, 'fleet-list.png'), fullPage: true });

  // Revoking asks first; cancelling keeps the kiosk.
  await row.getByRole('button', { name: 'Revoke' }).click();
  await expect(row.getByRole('group', { name: /^Revoke Town hall, ground floor\?/ })).toBeVisible();
  await row.getByRole('button', { name: 'Cancel' }).click();
  await expect(row).toContainText('approved');

  // The kiosk page of a kiosk that has not reported yet.
  await row.getByRole('link', { name: 'Town hall, ground floor' }).click();
  await expect(page).toHaveURL(`${fleet.origin}/kiosks/${kioskId}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Town hall, ground floor');
  await expect(page.getByRole('region', { name: 'Status' })).toContainText('approved');
  await expect(page.getByRole('region', { name: 'History (last 24 hours)' })).toContainText('No status in the last 24 hours.');
  await expect(page.getByRole('region', { name: 'Commands' })).toContainText('No command yet.');
  await expect(page.getByRole('region', { name: 'Configuration' }).getByRole('textbox')).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: path.join(SHOTS, 'kiosk-page.png'), fullPage: true });

  // A reload of a console path opens the same page, still logged in.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Town hall, ground floor');

  await section(page, 'Users').click();
  await page.getByLabel('Username').fill('vera');
  await page.getByLabel('Password (12 characters or more)').fill('a viewer passphrase');
  await page.getByLabel('Role').selectOption('viewer');
  await page.getByRole('button', { name: 'Create user' }).click();
  await expect(page.getByRole('status')).toHaveText('User vera created.');
  await expect(main(page).getByRole('row', { name: /vera viewer/ })).toBeVisible();

  await section(page, 'Audit').click();
  for (const action of ['login', 'enrolment-token.create', 'kiosk.enrol', 'kiosk.approve', 'account.create']) {
    await expect(page.locator(`[data-audit-action="${action}"]`).first(), action).toBeVisible();
  }
  await expect(page.locator('[data-audit-action="kiosk.approve"]')).toContainText('admin');
  await expect(page.locator('[data-audit-action="kiosk.approve"]')).toContainText(kioskId.slice(0, 8));
  await page.screenshot({ path: path.join(SHOTS, 'audit.png'), fullPage: true });

  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page.getByRole('heading', { name: 'Log in to the fleet console' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Log in to the fleet console' })).toBeVisible();
  expect(problems).toEqual([]);
});

test.describe('in a French browser', () => {
  test.use({ language: 'fr-FR' });

  test('the console speaks French: login, fleet list, kiosk page and its states, dates written the French way', async ({ console: page, fleet, problems }) => {
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page.getByRole('heading', { name: 'Connexion à la console de la flotte' })).toBeVisible();
    await page.getByLabel('Identifiant').fill('admin');
    await page.getByLabel('Mot de passe').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(page.locator('[data-counts]')).toHaveText('0 borne · 0 en ligne · 0 demande votre attention');

    const post = async (url: string) => page.evaluate(async (target) => {
      const csrf = await (await fetch('/api/session')).json() as { csrfToken: string };
      return (await fetch(target, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrf.csrfToken }, body: '{}' })).json();
    }, url);
    const { token } = await post('/api/enrolment-tokens') as { token: string };
    const kioskId = await enrolKiosk(fleet, token, 'Mairie, rez-de-chaussée');
    await page.reload();
    const row = page.locator(`[data-kiosk="${kioskId}"]`);
    await expect(row).toContainText('en attente');
    await expect(page.locator('[data-counts]')).toHaveText('1 borne · 0 en ligne · 1 demande votre attention');
    await row.getByRole('button', { name: 'Approuver Mairie, rez-de-chaussée' }).click();
    await expect(row).toContainText('approuvée');
    await expect(row).toContainText('aucun contact');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'fleet-list-fr.png'), fullPage: true });

    await row.getByRole('link', { name: 'Mairie, rez-de-chaussée' }).click();
    await expect(page.getByRole('region', { name: 'Historique (dernières 24 heures)' })).toContainText('Aucun état dans les dernières 24 heures.');
    const commands = page.getByRole('region', { name: 'Commandes' });
    await commands.getByRole('combobox', { name: 'Commande', exact: true }).selectOption('screenshot');
    await commands.getByRole('combobox', { name: 'Remise' }).selectOption('queued');
    await page.getByRole('button', { name: 'Envoyer la commande' }).click();
    const command = commands.getByRole('row', { name: /Capture d'écran/ });
    await expect(command).toContainText("En attente jusqu'à remise");
    await expect(command.locator('.badge')).toHaveText('en attente');
    // "8 déc. 2026, 10:15": the day before the month, as French writes it.
    await expect(command).toContainText(/\d{1,2} [a-zéû]+\.? \d{4}/);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'kiosk-page-fr.png'), fullPage: true });
    expect(problems).toEqual([]);
  });
});

test('a viewer sees the fleet and a kiosk without any action button, and no administrators\' section', async ({ console: page, fleet, problems }) => {
  await fleet.account('vera', 'viewer', 'a viewer passphrase');
  const kioskId = await (await adminApi(fleet)).enrol('Library bus');

  await logIn(page, 'vera', 'a viewer passphrase');
  const row = page.locator(`[data-kiosk="${kioskId}"]`);
  await expect(row).toContainText('pending');
  await expect(main(page).getByRole('button')).toHaveCount(0);
  for (const hidden of ['Enrolment', 'Users', 'Audit']) await expect(section(page, hidden)).toHaveCount(0);
  await expect(section(page, 'Alerts')).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'fleet-list-viewer.png') });

  await row.getByRole('link', { name: 'Library bus' }).click();
  await expect(page.getByRole('region', { name: 'Status' })).toContainText('pending');
  await expect(main(page).getByRole('button')).toHaveCount(0);
  await expect(main(page).getByRole('textbox')).toHaveCount(0);

  // A viewer reads the statistics and the alerts (none on this fleet) and may change nothing there.
  await section(page, 'Statistics').click();
  await expect(main(page).getByText('No usage in this period.')).toBeVisible();
  await section(page, 'Alerts').click();
  await expect(main(page).getByText('No alert.')).toBeVisible();
  await expect(main(page).getByRole('button', { name: 'Acknowledge' })).toHaveCount(0);
  await expect(main(page).getByRole('textbox')).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('status, devices, history, commands, configuration and statistics render as the ingest routes will answer', async ({ console: page, fleet, problems }) => {
  const admin = await adminApi(fleet);
  const hall = await admin.enrol('Town hall');
  const bus = await admin.enrol('Library bus');
  await admin.enrol('Cabin 2');
  await admin.approve(hall);
  await admin.approve(bus);
  const stood = await standInRoutes(page, {
    'Town hall': { online: true, heardMinutesAgo: 1, group: 'mairies', status: status({ visit: 'visit' }, 1) },
    'Library bus': {
      online: false, heardMinutesAgo: 180, group: 'bus', status: status({
        devices: [
          { id: 'thermometer', kind: 'thermometer', state: 'error', lastError: 'no answer on the serial port' },
          { id: 'receipt', kind: 'receiptPrinter', state: 'ok', paper: 'out', lastError: null },
        ],
      }, 180),
    },
  });
  await logIn(page, 'admin', ADMIN_PASSWORD);

  await expect(page.locator('[data-counts]')).toHaveText('3 kiosks · 1 online · 2 need attention');
  const busRow = page.locator(`[data-kiosk="${bus}"]`);
  await expect(busRow).toContainText('Offline');
  await expect(busRow).toContainText('heard 3 h ago');
  await expect(busRow).toContainText('thermometer (error)');
  await expect(busRow).toContainText('out');
  await expect(page.locator(`[data-kiosk="${hall}"]`)).toContainText('Online');
  await expect(page.locator(`[data-kiosk="${hall}"]`)).toContainText('heard 1 min ago');
  await page.screenshot({ path: path.join(SHOTS, 'fleet-list-live.png'), fullPage: true });

  await page.getByLabel('Connection').selectOption('offline');
  await expect(page.locator('[data-kiosk]')).toHaveCount(2);
  await page.getByLabel('Only kiosks with problems').check();
  await page.getByLabel('Group').selectOption('bus');
  await expect(page.locator('[data-kiosk]')).toHaveCount(1);
  await expect(busRow).toBeVisible();
  await page.getByLabel('Search by name or id').fill('town');
  await expect(page.getByText('No kiosk matches.')).toBeVisible();
  await page.getByLabel('Search by name or id').fill('');
  await page.getByLabel('Group').selectOption('');
  await page.getByLabel('Connection').selectOption('any');
  await page.getByLabel('Only kiosks with problems').uncheck();

  await page.locator(`[data-kiosk="${hall}"]`).getByRole('link', { name: 'Town hall' }).click();
  const devices = page.getByRole('region', { name: 'Devices' });
  await expect(devices.getByRole('row')).toHaveCount(3);
  await expect(page.getByRole('region', { name: 'History (last 24 hours)' }).getByRole('img', { name: 'Devices in trouble over the last 24 hours' })).toBeVisible();
  const commands = page.getByRole('region', { name: 'Commands' });
  await expect(commands.getByRole('row', { name: /Wipe now/ })).toContainText('the wipe could not remove the browser profile');
  await expect(commands.getByRole('link', { name: 'Download' })).toHaveAttribute('href', `/api/kiosks/${hall}/commands/c2/attachment`);
  await commands.getByLabel('Command').selectOption('screenshot');
  await commands.getByLabel('Delivery').selectOption('queued');
  await commands.getByLabel('Expires after (minutes)').fill('15');
  await commands.getByRole('button', { name: 'Send command' }).click();
  await expect(commands.getByRole('status')).toHaveText('Command sent.');

  const config = page.getByRole('region', { name: 'Configuration' });
  await expect(config.locator('[data-config-versions]')).toHaveText('Desired version 3 · Kiosk runs version 2');
  await expect(config).toContainText('The kiosk refused the last configuration: session.idleTimeoutSeconds: expected a number');
  await config.getByLabel('Kiosk profile (JSON)').fill('{ "session": ');
  await config.getByRole('button', { name: 'Push configuration' }).click();
  await expect(config.getByRole('alert')).toContainText('This is not valid JSON');
  await config.getByLabel('Kiosk profile (JSON)').fill('{ "session": { "idleTimeoutSeconds": 1 } }');
  await config.getByRole('button', { name: 'Push configuration' }).click();
  await expect(config.getByRole('alert')).toHaveText('The server refused it: body.config.session.idleTimeoutSeconds: Too small: expected number to be >=10');
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: path.join(SHOTS, 'kiosk-page-live.png'), fullPage: true });

  expect(stood.sent).toEqual([
    { method: 'POST', url: `/api/kiosks/${hall}/commands`, body: { name: 'screenshot', delivery: 'queued', expiresInMinutes: 15 }, csrf: expect.stringMatching(/.{20,}/) },
    { method: 'PUT', url: `/api/kiosks/${hall}/config`, body: { config: { session: { idleTimeoutSeconds: 1 } } }, csrf: expect.stringMatching(/.{20,}/) },
  ]);

  await section(page, 'Statistics').click();
  await page.getByLabel('Group by').selectOption('procedure');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page.getByRole('img', { name: 'Visits by procedure' }).locator('rect')).toHaveCount(4);
  await expect(main(page).getByRole('row', { name: 'passport 42' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Download CSV' })).toHaveAttribute('href', /^\/api\/statistics\.csv\?from=\d{4}-\d\d-\d\d&to=\d{4}-\d\d-\d\d&by=procedure$/);
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: path.join(SHOTS, 'statistics.png'), fullPage: true });
  expect(problems).toEqual([]);
});

test('alerts name their kiosk and can be acknowledged; administrators edit where alerts go', async ({ console: page, fleet, problems }) => {
  await (await adminApi(fleet)).enrol('Town hall');
  const stood = await standInRoutes(page, {});
  await logIn(page, 'admin', ADMIN_PASSWORD);
  await section(page, 'Alerts').click();
  const alert = main(page).getByRole('row', { name: /paper-out/ });
  await expect(alert).toContainText('Town hall');
  await expect(alert).toContainText('still open');
  await alert.getByRole('button', { name: 'Acknowledge' }).click();
  await expect(alert).toContainText('admin');
  await expect(alert.getByRole('button')).toHaveCount(0);

  const settings = page.getByRole('region', { name: 'Alert settings' });
  await expect(settings.getByLabel('Rules, webhook and email (JSON)')).toHaveValue(/"offlineMinutes": 10/);
  await settings.getByLabel('Rules, webhook and email (JSON)').fill('{ "offlineMinutes": 15, "webhook": "https://alerts.example.org/hook" }');
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings.getByRole('status')).toHaveText('Settings saved.');
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: path.join(SHOTS, 'alerts.png'), fullPage: true });
  expect(stood.sent).toEqual([
    { method: 'POST', url: '/api/alerts/7/acknowledge', body: null, csrf: expect.stringMatching(/.{20,}/) },
    { method: 'PUT', url: '/api/alert-settings', body: { offlineMinutes: 15, webhook: 'https://alerts.example.org/hook' }, csrf: expect.stringMatching(/.{20,}/) },
  ]);
  expect(problems).toEqual([]);
});

test('an administrator registers a release, starts a staged rollout, is told which kiosk holds the next stage, pauses and rolls back', async ({ console: page, fleet, problems }) => {
  const admin = await adminApi(fleet);
  const hall = await admin.enrol('Town hall');
  await admin.approve(hall);
  await logIn(page, 'admin', ADMIN_PASSWORD);
  await page.getByRole('link', { name: 'Updates' }).click();
  await expect(page.getByText('No rollout yet')).toBeVisible();

  const sha512 = (text: string) => createHash('sha512').update(text).digest('base64');
  for (const version of ['1.0.0', '1.1.0']) {
    const release = { version, files: [{ url: `https://releases.example.org/borne-${version}.AppImage`, sha512: sha512(version), size: 1000 }] };
    await page.getByLabel('Register a release').fill(JSON.stringify(release));
    await page.getByRole('button', { name: 'Register release' }).click();
    await expect(page.getByText(`Release ${version} registered.`)).toBeVisible();
  }
  await page.getByLabel('Register a release').fill(JSON.stringify({ version: 'latest', files: [] }));
  await page.getByRole('button', { name: 'Register release' }).click();
  await expect(page.getByRole('alert')).toContainText('body.version');

  // A first rollout of 1.0.0 to everyone, then 1.1.0 in two stages.
  await page.getByRole('combobox', { name: /^Release/ }).selectOption('1.0.0');
  await page.getByLabel(/^Stages/).fill('100');
  await page.getByRole('button', { name: 'Start rollout' }).click();
  const rollouts = page.getByRole('region', { name: 'Rollouts' });
  await expect(rollouts.getByRole('row', { name: /1\.0\.0/ })).toContainText('0 of 1 healthy');
  await rollouts.getByRole('button', { name: 'Next stage' }).click();
  await expect(rollouts.getByRole('alert')).toContainText('Town hall (never heard from)');

  await rollouts.getByText('Holding the next stage').click();
  await expect(rollouts.getByText('Town hall: never heard from')).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: path.join(SHOTS, 'updates.png'), fullPage: true });

  await rollouts.getByRole('button', { name: 'Pause' }).click();
  await expect(rollouts.getByRole('row', { name: /1\.0\.0/ })).toContainText('paused');
  await rollouts.getByRole('button', { name: 'Resume' }).click();
  await expect(rollouts.getByRole('row', { name: /1\.0\.0/ })).toContainText('running');
  // The first rollout has no earlier release to return to: no rollback offered.
  await expect(rollouts.getByRole('button', { name: 'Roll back' })).toHaveCount(0);
  expect(problems).toEqual([]);
});
