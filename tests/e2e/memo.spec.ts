/// <reference lib="dom" />
import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { EscPosPrinterModel } from '../../devices/simulators/escpos-printer-model';
import { ReceiptPrinterSimulator } from '../../devices/simulators/receipt-printer-simulator';
import { removeProfile, writeProfile } from '../support/kiosk-process';
import { acceptNotice, expect, onScreen, test as base } from './fixtures';

const SHOTS = '/tmp/shots-memo';

/**
 * A procedure's memo printed from its guide, through the real kiosk, on a receipt printer that speaks
 * ESC/POS over TCP on loopback (the simulator, run by the test so that it can read back what it printed).
 */
const test = base.extend<{ printer: ReceiptPrinterSimulator }>({
  printer: async ({}, use) => {
    const listened = await ReceiptPrinterSimulator.listen('127.0.0.1', 0, new EscPosPrinterModel({ keptReceipts: 5 }));
    if (!listened.ok) throw new Error(listened.error);
    await use(listened.value);
    await listened.value.close();
  },
  kioskProfile: async ({ printer }, use) => {
    const profile = writeProfile({
      kiosk: { id: 'e2e-memo', name: 'Memo test', purpose: 'test' },
      languages: { offered: ['fr', 'en', 'ar'], default: 'fr' },
      session: { idleTimeoutSeconds: 120, idleWarningSeconds: 10, endScreenSeconds: 2 },
      shell: { allowTestAutomation: true },
      devices: { receiptPrinter: { tcp: { host: '127.0.0.1', port: printer.port }, statusEverySeconds: 1 } },
    });
    await use(profile);
    removeProfile(profile);
  },
});

test("a passport's memo printed from its guide, in French for an Arabic visit, and the printer's fault said plainly", async ({ kioskPage: page, printer }) => {
  mkdirSync(SHOTS, { recursive: true });
  await onScreen(page, 'attract').click();
  await page.getByRole('button', { name: 'العربية' }).click();
  await acceptNotice(page);
  await page.getByRole('button', { name: /^طلب جواز سفر/ }).click();
  const memo = page.getByRole('region', { name: 'مذكرة تأخذها معك' });
  await expect(memo).toContainText('تُطبع التذكرة باللغة الفرنسية.');
  await memo.getByRole('button', { name: 'اطبع المذكرة' }).click();
  await expect(memo.getByRole('status')).toHaveText('تمت طباعة مذكرتك: خذها من الطابعة.', { timeout: 20_000 });
  await memo.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/ar-printed.png` });
  const { violations } = await new AxeBuilder({ page }).setLegacyMode(true).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(violations.map((v) => v.id)).toEqual([]);

  // What came out of the printer: the French memo, papers and steps, and nothing of the person.
  const [receipt] = printer.receipts();
  expect(receipt![0]).toBe('Demander un passeport');
  expect(receipt).toContain('Les papiers à avoir');
  expect(receipt!.some((line) => line.startsWith('1. '))).toBe(true);
  expect(receipt!.filter(Boolean).at(-1)).toBe('Mémo imprimé par la borne. Il ne contient aucune donnée personnelle.');

  // Out of paper: the kiosk offers no memo any more, and says nothing technical to the person.
  printer.changed((model) => model.setPaper('out'));
  await expect(memo.getByRole('button')).toHaveCount(0, { timeout: 10_000 });
  await expect(memo).not.toContainText('paper');
});
