/// <reference lib="dom" />
/**
 * The text of each non-empty child of `element`, in order. jsdom has no layout, so it runs a button's
 * block-level lines together in the accessible name ("BienvenueTouchez…"); a browser reads them apart,
 * and these lines are what it reads.
 */
export function linesOf(element: Element): string[] {
  return Array.from(element.children).map((child) => child.textContent ?? '').filter((text) => text !== '');
}
