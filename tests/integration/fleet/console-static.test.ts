import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fleetStores } from '../../support/fleet-stores';
import { fleetApiOn } from '../../support/fleet-api';

/** The console's static files beside the API: right types, the SPA fallback, a strict CSP, nothing outside. */
describe('the fleet server serves the built console', () => {
  const stores = fleetStores('sqlite');
  const outside = mkdtempSync(path.join(tmpdir(), 'borne-console-'));
  const dir = path.join(outside, 'console');
  mkdirSync(path.join(dir, 'assets'), { recursive: true });
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>console</title>');
  writeFileSync(path.join(dir, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(path.join(dir, 'assets', 'index-abc.css'), 'body{}');
  writeFileSync(path.join(outside, 'secret.txt'), 'not for the web');
  afterAll(() => rmSync(outside, { recursive: true, force: true }));

  it('serves each file with its content type, and index.html for the console\'s own paths', async () => {
    const api = fleetApiOn(await stores.fresh(), { consoleDir: dir });
    const script = await api.get('/assets/index-abc.js');
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.headers['cache-control']).toContain('immutable');
    expect((await api.get('/assets/index-abc.css')).headers['content-type']).toBe('text/css; charset=utf-8');
    for (const url of ['/', '/kiosks/5d0c6f8e-0000-4000-8000-000000000000', '/statistics?from=2026-01-01']) {
      const page = await api.get(url);
      expect(page.statusCode, url).toBe(200);
      expect(page.headers['content-type'], url).toBe('text/html; charset=utf-8');
      expect(page.body, url).toContain('<title>console</title>');
    }
  });

  it('sends a strict content security policy with the pages', async () => {
    const api = fleetApiOn(await stores.fresh(), { consoleDir: dir });
    const csp = String((await api.get('/')).headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe');
  });

  it('keeps /api answers JSON, misses a missing asset, and never reads outside its folder', async () => {
    const api = fleetApiOn(await stores.fresh(), { consoleDir: dir });
    const unknown = await api.get('/api/nothing-here');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toEqual({ error: 'no route GET /api/nothing-here' });
    expect((await api.get('/assets/gone.js')).statusCode).toBe(404);
    for (const url of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const answer = await api.get(url);
      expect(answer.body, url).not.toContain('not for the web');
    }
  });

  it('says the console is not built when its folder is empty', async () => {
    const api = fleetApiOn(await stores.fresh(), { consoleDir: path.join(outside, 'missing') });
    const answer = await api.get('/');
    expect(answer.statusCode).toBe(404);
    expect(answer.body).toContain('npm run build');
  });
});
