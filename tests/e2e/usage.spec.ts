import Database from 'better-sqlite3';
import path from 'node:path';
import { acceptNotice, expect, onScreen, test } from './fixtures';

/** The usage events the running host has written so far, read from its store as the fleet agent will. */
function storedEvents(stateDir: string): unknown[] {
  const db = new Database(path.join(stateDir, 'usage.sqlite'), { readonly: true });
  try {
    return (db.prepare('SELECT event FROM usage_events ORDER BY seq').all() as Array<{ event: string }>).map((row) => JSON.parse(row.event));
  } finally {
    db.close();
  }
}

test('a visit on the real kiosk leaves its anonymous usage events in the state folder', async ({ kioskPage, kiosk }) => {
  await onScreen(kioskPage, 'attract').click();
  await kioskPage.getByRole('button', { name: 'English' }).click();
  await acceptNotice(kioskPage);
  await kioskPage.getByRole('button', { name: /done/i }).click();
  await expect(onScreen(kioskPage, 'end')).toBeVisible();
  await onScreen(kioskPage, 'end').click();
  await kiosk.waitForLog((l) => l.msg === 'visit wiped and verified');

  expect(storedEvents(kiosk.stateDir)).toEqual([
    { type: 'visit-started' },
    { type: 'language-chosen', language: 'en' },
    { type: 'visit-ended', outcome: 'finished', durationSeconds: expect.any(Number) },
  ]);
  expect(kiosk.lines.filter((l) => String(l.msg).startsWith('usage events are off'))).toEqual([]);
});
