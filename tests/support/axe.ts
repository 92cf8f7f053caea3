import type { Page } from '@playwright/test';
import axe from 'axe-core';

/**
 * WCAG 2.1 AA violations on `page`, as `rule: elements` lines. axe-core is run in the page itself:
 * AxeBuilder (@axe-core/playwright) opens a second page to gather its results, which the kiosk's
 * lockdown closes at once. `disabled`: rules left to other checks, each with its reason at the caller.
 */
export async function axeViolations(page: Page, disabled: string[] = []): Promise<string[]> {
  await page.evaluate(axe.source);
  const violations = await page.evaluate(async (rules) => {
    const run = (globalThis as unknown as { axe: typeof axe }).axe.run;
    const results = await run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      rules: Object.fromEntries(rules.map((rule) => [rule, { enabled: false }])),
    });
    return results.violations.map(({ id, nodes }) => ({ id, targets: nodes.map((node) => node.target.join(' ')) }));
  }, disabled);
  return violations.map(({ id, targets }) => `${id}: ${targets.join(', ')}`);
}
