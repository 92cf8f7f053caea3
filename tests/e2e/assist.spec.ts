/// <reference lib="dom" />
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { accessibleNames } from '../support/accessibility-tree';
import { TEST_AGENTS, TEST_ASSIST } from '../support/assist-profile';
import { removeProfile, writeProfile } from '../support/kiosk-process';
import { launchChromium } from '../support/renderer-preview/preview';
import { readTestProfile } from '../support/test-profile';
import { acceptNotice, expect, onScreen, testOnSites } from './fixtures';

const SHOTS = '/tmp/shots-assist';

/**
 * Two pages in real Chromium: the kiosk's own page (the kiosk's Chromium, through its test endpoint)
 * and the agent page, in a second browser as on the agent's desk, served by the host's agent server.
 */
const test = testOnSites.extend<{ agentBrowser: Browser; agentOrigin: string }>({
  kioskProfile: async ({ sites }, use) => {
    const testProfile = readTestProfile();
    const profile = writeProfile({
      ...testProfile,
      // Long enough that nobody's inactivity ends the visit while the agent works.
      session: { ...(testProfile.session as object), idleTimeoutSeconds: 120 },
      lockdown: { allow: [{ origin: sites.allowed, label: { fr: 'Site de test', en: 'Test site', ar: 'موقع تجريبي' } }] },
      assist: TEST_ASSIST,
    });
    await use(profile);
    removeProfile(profile);
  },
  agentBrowser: async ({}, use) => {
    const browser = await launchChromium();
    await use(browser);
    await browser.close();
  },
  agentOrigin: async ({ kiosk }, use) => {
    const line = await kiosk.waitForLog((l) => l.msg === 'agent server listening');
    await use(line.origin as string);
  },
});

const banner = (page: Page) => page.locator('[data-notice="hand"]');
const mirrorScreen = (agent: Page) => agent.locator('[data-fact="screen"]');
const mirrored = (agent: Page, selector: string) => agent.frameLocator('.mirror-frame iframe').locator(selector);

/**
 * WCAG 2.1 AA, as every screen of the kiosk is checked. In the page itself (axe's legacy mode): its
 * default run opens a page of its own, which the kiosk's browser must not get.
 */
async function accessibilityViolations(page: Page, only?: string): Promise<string[]> {
  const axe = new AxeBuilder({ page }).setLegacyMode(true).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  const { violations } = await (only ? axe.include(only) : axe).analyze();
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function logIn(agent: Page, id: string, pin: string): Promise<void> {
  await agent.getByLabel('Identifiant').fill(id);
  await agent.getByLabel('Code personnel').fill(pin);
  await agent.getByRole('button', { name: 'Se connecter' }).click();
}

test('the agent view takes and hands back the hand', async ({ kioskPage: kiosk, kiosk: host, agentBrowser, agentOrigin }) => {
  const agent = await agentBrowser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'fr-FR' });
  await agent.goto(agentOrigin);

  // A wrong PIN is refused and counted; the right one opens the mirror of a kiosk with no visit.
  await logIn(agent, 'marie', '0000');
  await expect(agent.getByRole('alert')).toHaveText('Identifiant ou code incorrect. Encore 4 essais.');
  await agent.screenshot({ path: path.join(SHOTS, 'agent-login-wrong.png') });
  expect(await accessibilityViolations(agent)).toEqual([]);
  await logIn(agent, 'marie', TEST_AGENTS.marie.pin);
  await expect(agent.getByText('Connecté : Marie')).toBeVisible();
  await expect(mirrorScreen(agent)).toHaveText('Veille (aucune visite)');
  await expect(agent.getByRole('button', { name: 'Prendre la main' })).toHaveCount(0);

  // The citizen starts a visit: their screen says they have the hand, and the mirror follows.
  await onScreen(kiosk, 'attract').click();
  await kiosk.getByRole('button', { name: 'Français' }).click();
  await acceptNotice(kiosk);
  await expect(onScreen(kiosk, 'home')).toBeVisible();
  await expect(banner(kiosk)).toHaveText('Vous avez la main.');
  await expect(mirrorScreen(agent)).toHaveText('Accueil');
  // The mirror is the citizen's screen itself, drawn by the kiosk's own components.
  await expect(mirrored(agent, '[data-screen="home"]').getByRole('heading', { name: 'Bonjour !' })).toBeAttached();

  // "Ask for help" reaches the agent.
  await kiosk.getByRole('button', { name: "Demander de l'aide" }).click();
  await expect(agent.locator('[data-help-asked]')).toHaveText("L'usager demande de l'aide");
  await expect(banner(kiosk)).toHaveText('Vous avez la main. Un agent va venir vous aider.');
  await agent.screenshot({ path: path.join(SHOTS, 'agent-help-asked.png'), fullPage: true });

  // The agent takes the hand: the citizen's screen names them, and the help call is answered.
  await agent.getByRole('button', { name: 'Prendre la main' }).click();
  await expect(banner(kiosk)).toContainText("Marie, agent d'accueil, a la main.");
  await expect(banner(kiosk).getByRole('button', { name: 'Reprendre la main' })).toBeVisible();
  await expect(agent.locator('.agent-hand')).toHaveText('Vous');
  await expect(agent.locator('[data-help-asked]')).toHaveCount(0);
  await expect(mirrored(agent, '[data-notice="hand"]')).toContainText("Marie, agent d'accueil, a la main.");
  await kiosk.screenshot({ path: path.join(SHOTS, 'citizen-agent-has-hand.png') });
  await agent.screenshot({ path: path.join(SHOTS, 'agent-holds-hand.png'), fullPage: true });
  // The banner (the kiosk's other screens are checked by the guided visit's own specs).
  expect(await accessibilityViolations(kiosk, '[data-notice="hand"]')).toEqual([]);
  expect(await accessibilityViolations(agent)).toEqual([]);

  // Meanwhile the citizen's screen is the agent's to drive: a tap on "J'ai terminé" does nothing.
  const finish = kiosk.getByRole('button', { name: "J'ai terminé" });
  const box = (await finish.boundingBox())!;
  await kiosk.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect(onScreen(kiosk, 'home')).toBeVisible();
  await expect(mirrorScreen(agent)).toHaveText('Accueil');
  // Nor does a message sent past the screen, over the page's own bridge: the host drops it.
  await kiosk.evaluate(async () => {
    const token = (window as unknown as { borneLaunchToken: string }).borneLaunchToken;
    const socket = new WebSocket(`ws://${location.host}/bridge?token=${encodeURIComponent(token)}`);
    await new Promise((resolve) => socket.addEventListener('open', resolve));
    socket.send(JSON.stringify({ type: 'VISIT.FINISH' }));
    socket.close();
  });
  await host.waitForLog((l) => l.msg === 'dropped: an agent has the hand' && l.event === 'VISIT.FINISH');
  await expect(onScreen(kiosk, 'home')).toBeVisible();

  // The agent pushes a step: the site opens on the kiosk; then another brings the citizen back home.
  await agent.getByRole('button', { name: 'Ouvrir le site : Site de test' }).click();
  await host.waitForLog((l) => l.msg === 'screen' && l.screen === 'site');
  await expect(mirrorScreen(agent)).toHaveText('Site officiel');
  await agent.getByRole('button', { name: 'Fermer le site' }).click();
  await expect(onScreen(kiosk, 'home')).toBeVisible();
  await expect(banner(kiosk)).toContainText("Marie, agent d'accueil, a la main.");

  // The agent hands the hand back: the citizen's screen says so, and their touches work again.
  await agent.getByRole('button', { name: 'Rendre la main' }).click();
  await expect(banner(kiosk)).toHaveText('Vous avez la main.');
  await expect(agent.locator('.agent-hand')).toHaveText("L'usager");
  await kiosk.screenshot({ path: path.join(SHOTS, 'citizen-has-hand.png') });
  await agent.screenshot({ path: path.join(SHOTS, 'agent-citizen-holds.png'), fullPage: true });
  await finish.click();
  await expect(onScreen(kiosk, 'end')).toBeVisible();

  // Every login and every move of the hand is journaled, without a PIN.
  const journal = readFileSync(path.join(host.stateDir, 'assist-audit.jsonl'), 'utf8');
  const events = journal.trim().split('\n').map((line) => JSON.parse(line) as { event: string; by?: string; step?: string });
  expect(events.map((e) => e.event)).toEqual(['agent-login-wrong', 'agent-login', 'hand-taken', 'step-pushed', 'step-pushed', 'hand-given-back']);
  expect(events.at(-1)!.by).toBe('agent');
  expect(journal).not.toContain(TEST_AGENTS.marie.pin);
  expect(host.lines.some((l) => JSON.stringify(l).includes(`"${TEST_AGENTS.marie.pin}"`))).toBe(false);
});

test('the citizen takes the hand back from the banner, and the agent page sees it', async ({ kioskPage: kiosk, agentBrowser, agentOrigin }) => {
  const agent = await agentBrowser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'fr-FR' });
  await agent.goto(agentOrigin);
  await logIn(agent, 'karim', TEST_AGENTS.karim.pin);
  await onScreen(kiosk, 'attract').click();
  await expect(onScreen(kiosk, 'language')).toBeVisible();
  await agent.getByRole('button', { name: 'Prendre la main' }).click();
  // On the language screen, the agent chooses English for the citizen.
  await agent.getByRole('button', { name: 'Choisir la langue : English' }).click();
  // The notice is the citizen's to accept: no agent pushes it.
  await expect(onScreen(kiosk, 'consent')).toBeVisible();
  await expect(banner(kiosk)).toContainText('Karim, a member of staff, is in control.');
  await kiosk.screenshot({ path: path.join(SHOTS, 'citizen-agent-has-hand-en.png') });
  await banner(kiosk).getByRole('button', { name: 'Take back control' }).click();
  await expect(banner(kiosk)).toHaveText('You are in control.');
  await acceptNotice(kiosk);
  await expect(onScreen(kiosk, 'home')).toBeVisible();
  await expect(agent.locator('.agent-hand')).toHaveText("L'usager");
  await expect(agent.getByRole('button', { name: 'Prendre la main' })).toBeVisible();
});

test("on an official site, Borne's bar asks for help, names the agent who has the hand, and takes it back", async ({ kioskPage: kiosk, kiosk: host, agentBrowser, agentOrigin, sites }) => {
  const agent = await agentBrowser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'fr-FR' });
  await agent.goto(agentOrigin);
  await logIn(agent, 'marie', TEST_AGENTS.marie.pin);
  await onScreen(kiosk, 'attract').click();
  await kiosk.getByRole('button', { name: 'Français' }).click();
  await acceptNotice(kiosk);
  await kiosk.getByRole('button', { name: /Site de test/ }).click();
  await expect.poll(() => kiosk.url()).toBe(`${sites.allowed}/`);
  // The bar's buttons at the inline end, on the kiosk's 1920 px screen: "Terminer", and just before it
  // the assisted-mode one ("Demander de l'aide", then "Reprendre la main").
  const touchBar = (x: number) => kiosk.mouse.click(x, 36);
  const END_X = 1800;
  const ASSIST_X = 1640;
  await expect.poll(() => accessibleNames(kiosk)).toContain("Demander de l'aide");

  await touchBar(ASSIST_X);
  await expect(agent.locator('[data-help-asked]')).toHaveText("L'usager demande de l'aide");
  await expect.poll(() => accessibleNames(kiosk)).toContain('Un agent va venir vous aider.');

  await agent.getByRole('button', { name: 'Prendre la main' }).click();
  await expect.poll(() => accessibleNames(kiosk)).toContain("Marie, agent d'accueil, a la main.");
  await kiosk.screenshot({ path: path.join(SHOTS, 'site-bar-agent-has-hand.png') });
  // The bar's "Terminer" is the agent's to press now, as on the kiosk's own screens.
  await touchBar(END_X);
  await host.waitForLog((l) => l.msg === 'dropped: an agent has the hand' && l.event === 'VISIT.FINISH');
  expect(kiosk.url()).toBe(`${sites.allowed}/`);

  // "Reprendre la main" always works: the hand is the citizen's again, on the bar and on the agent's page.
  await touchBar(ASSIST_X);
  await expect(agent.locator('.agent-hand')).toHaveText("L'usager");
  await expect.poll(() => accessibleNames(kiosk)).toContain("Demander de l'aide");
  await touchBar(END_X);
  await expect(onScreen(kiosk, 'end')).toBeVisible();
});
