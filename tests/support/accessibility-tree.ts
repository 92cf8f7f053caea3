import type { CDPSession, Page } from '@playwright/test';

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
    return await borderBox(cdp, { backendNodeId: node.backendDOMNodeId });
  } finally {
    await cdp.detach();
  }
}

/** Where a DOM node (by CDP id) is drawn, its border box in the page's CSS pixels. */
async function borderBox(cdp: CDPSession, node: { backendNodeId?: number; nodeId?: number }) {
  const { model } = (await cdp.send('DOM.getBoxModel', node)) as { model: { border: number[] } };
  const [x1, y1, , , x3, y3] = model.border as [number, number, number, number, number, number];
  return { x: x1, y: y1, width: x3 - x1, height: y3 - y1 };
}

/** A finger on the middle of the node with `role` and `name`. */
export async function touch(page: Page, role: string, name: string): Promise<void> {
  const box = await boxOf(page, role, name);
  if (!box) throw new Error(`no ${role} named "${name}" on the page`);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

interface DomNode {
  nodeId: number;
  nodeName: string;
  nodeValue?: string;
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

/**
 * A finger on the middle of the button whose text is `text`, found in the DOM through closed shadow
 * roots: for what a site's modal dialog makes inert, which the accessibility tree leaves out.
 */
export async function touchDrawnButton(page: Page, text: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const kids = (node: DomNode) => [...(node.shadowRoots ?? []), ...(node.children ?? [])];
    const textOf = (node: DomNode): string => (node.nodeName === '#text' ? node.nodeValue ?? '' : kids(node).map(textOf).join(''));
    const find = (node: DomNode): DomNode | undefined =>
      node.nodeName === 'BUTTON' && textOf(node).trim() === text ? node : kids(node).map(find).find(Boolean);
    const button = find(root);
    if (!button) throw new Error(`no button "${text}" drawn on the page`);
    const box = await borderBox(cdp, { nodeId: button.nodeId });
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  } finally {
    await cdp.detach();
  }
}
