import type { Page } from '@playwright/test';
import type { Language } from '../../common/language';
import { SITE_BAR_HEIGHT_PX, SITE_BAR_TEXT } from '../../main/shells/site-bar/bar-script';

export interface Point { x: number; y: number }

/**
 * Where Borne's bar draws its `back` or `end` button on an official site, in a visit in `language`.
 * The bar lives in a closed shadow root that selectors cannot enter, and its buttons change sides with
 * the visit's direction; the page's accessibility tree sees both, so the button is found by its name,
 * as a person reads it, within the bar's height (a site's own button of that name does not count).
 */
export async function siteBarButton(page: Page, language: Language, which: 'back' | 'end'): Promise<Point> {
  const word = SITE_BAR_TEXT[language][which];
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    for (const node of nodes) {
      const name = node.name?.value;
      if (node.role?.value !== 'button' || typeof name !== 'string' || !name.includes(word) || node.backendDOMNodeId === undefined) continue;
      const { model } = await cdp.send('DOM.getBoxModel', { backendNodeId: node.backendDOMNodeId });
      const [left, top, , , right, bottom] = model.border as [number, number, number, number, number, number];
      if (bottom <= SITE_BAR_HEIGHT_PX) return { x: (left + right) / 2, y: (top + bottom) / 2 };
    }
    throw new Error(`Borne's bar shows no "${word}" button`);
  } finally {
    await cdp.detach();
  }
}
