/// <reference lib="dom" />
import { chromium, expect, test, type Frame } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CHROMIUM_POLICY_DIR } from '../../main/lockdown/chromium-policies';
import { removeProfile, startKiosk, writeProfile, type KioskProcess } from '../support/kiosk-process';
import { readTestProfile } from '../support/test-profile';
import { acceptNotice, onScreen } from './fixtures';

// A frame of another site runs in a renderer of its own, out of reach of the page's DevTools session:
// the shell guards it through a session of its own. Proven without the managed policies, which would
// refuse the address before any request on their own.
const policiesFound = () => {
  try {
    return readdirSync(CHROMIUM_POLICY_DIR).length > 0 ? `managed policies are installed in ${CHROMIUM_POLICY_DIR}, and would do the guard's work` : null;
  } catch {
    return null; // no policy folder: none installed
  }
};

/** An HTTP server on a loopback address of its own (another site for Chromium), counting what it is asked. */
async function loopbackSite(host: string, body: string): Promise<{ origin: string; asked: string[]; server: Server }> {
  const asked: string[] = [];
  const server = createServer((request: IncomingMessage, response) => {
    asked.push(request.url ?? '');
    response.writeHead(200, { 'content-type': 'text/html' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return { origin: `http://${host}:${(server.address() as AddressInfo).port}`, asked, server };
}

// The kiosk page itself embeds nothing (its CSP refuses frames): an allowed site shown in the top frame
// does, with a frame of a third site.
test('a frame of another site, allowed as a frame, cannot take itself to a site that is not allowed', async () => {
  const found = policiesFound();
  if (found) console.log(`escape-frames.spec: skipped, ${found}`);
  test.skip(found !== null, found ?? '');
  const forbidden = await loopbackSite('127.0.0.3', '<!doctype html><title>forbidden</title><p>forbidden</p>');
  const framed = await loopbackSite('127.0.0.4', '<!doctype html><title>allowed frame</title><p>allowed frame</p>');
  const site = await loopbackSite('127.0.0.2', `<!doctype html><title>allowed site</title><iframe src="${framed.origin}/frame"></iframe>`);
  const lockdown = { allow: [{ origin: site.origin, pathPrefix: '/', label: { fr: 'Site avec un cadre', en: 'Site with a frame', ar: 'موقع فيه إطار' } }, { origin: framed.origin, pathPrefix: '/' }] };
  const profile = writeProfile({ ...readTestProfile(), lockdown });
  let kiosk: KioskProcess | undefined;
  try {
    kiosk = await startKiosk(profile);
    const browser = await chromium.connectOverCDP(kiosk.cdpEndpoint);
    const page = browser.contexts()[0]!.pages()[0]!;
    await expect(onScreen(page, 'attract')).toBeVisible();

    // The site opens from its home tile, as a visitor opens it.
    await onScreen(page, 'attract').click();
    await page.getByRole('button', { name: 'Français' }).click();
    await acceptNotice(page);
    await page.getByRole('button', { name: /Site avec un cadre/ }).click();
    await expect.poll(() => framed.asked).toEqual(['/frame']);
    const frame = await frameAt(page.frames.bind(page), `${framed.origin}/frame`);
    // Out of process indeed: a DevTools target of its own, which the page's session does not see into.
    const cdp = await browser.newBrowserCDPSession();
    const { targetInfos } = await cdp.send('Target.getTargets');
    expect(targetInfos.filter((t) => t.type === 'iframe').map((t) => t.url)).toContain(`${framed.origin}/frame`);

    // The frame's own script leaves for a site that is not on the list.
    await frame.evaluate((url) => void (location.href = url), `${forbidden.origin}/collect`).catch(() => {});
    await kiosk.waitForLog((l) => l.msg === 'refused a navigation' && l.url === `${forbidden.origin}/collect`);
    expect(forbidden.asked).toEqual([]);
    expect(await frame.evaluate(() => location.href)).toBe(`${framed.origin}/frame`);
    expect(page.url()).toBe(`${site.origin}/`);
    await browser.close();
  } finally {
    await kiosk?.stop();
    removeProfile(profile);
    for (const { server } of [site, framed, forbidden]) server.close();
  }
});

async function frameAt(frames: () => Frame[], url: string): Promise<Frame> {
  await expect.poll(() => frames().map((f) => f.url())).toContain(url);
  return frames().find((f) => f.url() === url)!;
}
