import type { Page } from '@playwright/test';
import { describe, expect, it } from 'vitest';
import { SITE_BAR_HEIGHT_PX } from '../../../main/shells/site-bar/bar-script';
import { siteBarRig } from '../../support/site-bar-preview/bar-rig';
import { SITE_VIEWPORT } from '../../support/site-bar-preview/open-site';

// Borne's bar on a stand-in site in Debian's Chromium: in Arabic it reads right to left, so "back"
// sits on the right, where an Arabic reader starts. The bar lives in a closed shadow root, so the
// test finds its buttons as a finger does: by touching places and hearing which signal comes back.
const bar = siteBarRig();

/** The signal a touch at `x` on the bar sends, other than "the person is active". */
async function signalAt(page: Page, signals: string[], x: number): Promise<string | undefined> {
  const before = signals.length;
  const answered = () => signals.slice(before).filter((signal) => signal !== 'activity');
  await page.mouse.click(x, SITE_BAR_HEIGHT_PX / 2);
  await expect.poll(() => answered().length).toBeGreaterThan(0);
  return answered()[0];
}

describe("Borne's bar and the visit's direction", () => {
  it.each([
    ['fr', 'back', 'end'], ['en', 'back', 'end'], ['ar', 'end', 'back'],
  ] as const)('in %s, the left end of the bar is %s and the right end is %s', async (language, left, right) => {
    const { page, signals } = await bar.open(language);
    expect(await signalAt(page, signals, 60)).toBe(left);
    expect(await signalAt(page, signals, SITE_VIEWPORT.width - 60)).toBe(right);
  });
});
