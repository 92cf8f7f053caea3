import type { Page } from '@playwright/test';

/**
 * Borne's bar and keyboard on a site live in closed shadow roots that neither the site's scripts nor
 * Playwright's locators can enter. The browser's accessibility tree does, as a screen reader would: the
 * tests read the bar's words and find its keys through it, then touch them where they are drawn.
 */
interface AxNode {
  role?: { value?: string };
  name?: { value?: string };
  backendDOMNodeId?: number;
}

async function axNodes(page: Page): Promise<AxNode[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    return ((await cdp.send('Accessibility.getFullAXTree')) as { nodes: AxNode[] }).nodes;
  } finally {
    await cdp.detach();
  }
}

/** The names of the page's nodes with `role` (every node's when none is given). */
export async function accessibleNames(page: Page, role?: string): Promise<string[]> {
  return (await axNodes(page)).filter((node) => !role || node.role?.value === role).map((node) => node.name?.value ?? '').filter(Boolean);
}

/** Where the node with `role` and `name` is drawn, in the page's CSS pixels; null when there is none. */
export async function boxOf(page: Page, role: string, name: string): Promise<{ x: number; y: number; width: number; height: number } | null> {
  const node = (await axNodes(page)).find((n) => n.role?.value === role && n.name?.value === name && n.backendDOMNodeId !== undefined);
  if (!node) return null;
  const cdp = await page.context().newCDPSession(page);
  try {
    const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: node.backendDOMNodeId })) as { model: { border: number[] } };
    const [x1, y1, , , x3, y3] = model.border as [number, number, number, number, number, number];
    return { x: x1, y: y1, width: x3 - x1, height: y3 - y1 };
  } finally {
    await cdp.detach();
  }
}

/** A finger on the middle of the node with `role` and `name`. */
export async function touch(page: Page, role: string, name: string): Promise<void> {
  const box = await boxOf(page, role, name);
  if (!box) throw new Error(`no ${role} named "${name}" on the page`);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}
