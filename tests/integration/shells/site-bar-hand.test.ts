import type { Page } from '@playwright/test';
import { describe, expect, it } from 'vitest';
import { SITE_BAR_HEIGHT_PX, SITE_BAR_UPDATE, type SiteBarState } from '../../../main/shells/site-bar/bar-script';
import { accessibleNames } from '../../support/accessibility-tree';
import { siteBarRig } from '../../support/site-bar-preview/bar-rig';
import { SITE_VIEWPORT } from '../../support/site-bar-preview/open-site';

// Borne's bar in assisted mode, in Debian's Chromium: the one assisted-mode button asks for help, or
// takes the hand back from an agent, and the bar says who has the hand. The bar lives in a closed shadow
// root: the test touches places as a finger does, and reads the words through the accessibility tree.
const bar = siteBarRig();

/** In French at 1280 px: "Terminer" at the inline end, the assisted-mode button just before it. */
const END_X = SITE_VIEWPORT.width - 60;
const ASSIST_X = SITE_VIEWPORT.width - 240;

const CITIZEN: SiteBarState['hand'] = { hand: 'citizen', agentName: null, helpAsked: false };

async function draw(page: Page, state: SiteBarState): Promise<void> {
  await page.evaluate(([update, shown]) => (globalThis as unknown as Record<string, (state: unknown) => void>)[update]!(shown), [SITE_BAR_UPDATE, state] as const);
}

/** The first signal, other than "the person is active", that touches at each of `xs` in turn send. */
async function firstSignal(page: Page, signals: string[], ...xs: number[]): Promise<string | undefined> {
  const before = signals.length;
  const answered = () => signals.slice(before).filter((signal) => signal !== 'activity');
  for (const x of xs) await page.mouse.click(x, SITE_BAR_HEIGHT_PX / 2);
  await expect.poll(() => answered().length).toBeGreaterThan(0);
  return answered()[0];
}

describe("Borne's bar in assisted mode", () => {
  it("asks the host for the visit's state as soon as it is drawn", async () => {
    const { signals } = await bar.open('fr');
    expect(signals[0]).toBe('ready');
  });

  it('has no help button where the profile has no assisted mode', async () => {
    const { page, signals } = await bar.open('fr');
    await draw(page, { secondsLeft: null, hand: null });
    expect(await firstSignal(page, signals, ASSIST_X, END_X)).toBe('end');
    expect(await accessibleNames(page)).not.toContain("Demander de l'aide");
  });

  it('asks for help, says help is coming, then names the agent who has the hand and takes it back', async () => {
    const { page, signals } = await bar.open('fr');
    await draw(page, { secondsLeft: null, hand: CITIZEN });
    expect(await accessibleNames(page)).toContain("Demander de l'aide");
    expect(await firstSignal(page, signals, ASSIST_X)).toBe('help');

    // Help asked: the bar says it is coming, and offers nothing more to press but its other buttons.
    await draw(page, { secondsLeft: null, hand: { ...CITIZEN, helpAsked: true } });
    expect(await accessibleNames(page)).toContain('Un agent va venir vous aider.');
    expect(await firstSignal(page, signals, ASSIST_X, END_X)).toBe('end');

    await draw(page, { secondsLeft: null, hand: { hand: 'agent', agentName: 'Marie', helpAsked: false } });
    const names = await accessibleNames(page);
    expect(names).toContain("Marie, agent d'accueil, a la main.");
    expect(names).toContain('Reprendre la main');
    expect(await firstSignal(page, signals, ASSIST_X)).toBe('reclaim');
  });

  it('counts down over whoever has the hand, and says it again once the person answers', async () => {
    const { page } = await bar.open('fr');
    const agent: SiteBarState['hand'] = { hand: 'agent', agentName: 'Marie', helpAsked: false };
    await draw(page, { secondsLeft: 9, hand: agent });
    expect(await accessibleNames(page)).toContain("Êtes-vous toujours là ? Touchez l'écran : 9 s");
    await draw(page, { secondsLeft: null, hand: agent });
    expect(await accessibleNames(page)).toContain("Marie, agent d'accueil, a la main.");
  });
});
