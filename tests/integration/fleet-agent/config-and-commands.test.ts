import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KioskStatusSchema } from '../../../common/fleet-messages';
import { fleetFiles } from '../../../main/fleet/fleet-files';
import { appPaths } from '../../../main/app-paths';
import { attachmentReceiver, FakeFleet } from '../../support/fake-fleet';
import { TEST_BROKERS, testBroker, type TestBroker } from '../../support/mqtt-brokers';
import { KioskUnderTest, SCREENSHOT } from './kiosk-under-test';

const WAIT = { timeout: 20_000, interval: 50 };
const mairie = () => JSON.parse(readFileSync(path.join(appPaths().profilesDir, 'mairie.json'), 'utf8'));

describe.each(TEST_BROKERS)('fleet agent configuration and commands through %s', (brokerName) => {
  let broker: TestBroker;
  let fleet: FakeFleet;
  let kiosk: KioskUnderTest;
  let uploads: Awaited<ReturnType<typeof attachmentReceiver>>;

  beforeEach(async () => {
    broker = await testBroker(brokerName);
    await broker.start();
    fleet = await FakeFleet.connect(broker.url);
    uploads = await attachmentReceiver();
    kiosk = new KioskUnderTest(broker.url, uploads.url);
  });
  afterEach(async () => {
    await kiosk.dispose();
    await fleet.stop();
    await uploads.close();
    await broker.dispose();
  });

  it('applies a valid configuration, refuses an invalid one and keeps the last good one across a restart', async () => {
    await kiosk.startAgent();
    const files = fleetFiles(kiosk.stateDir);
    await fleet.desire(kiosk.kioskId, { version: 2, config: mairie() });
    await vi.waitFor(() => expect(fleet.reported).toContainEqual({ version: 2 }), WAIT);
    expect(kiosk.asked).toEqual(['apply-profile']);
    expect(JSON.parse(readFileSync(files.profile, 'utf8'))).toEqual(mairie());
    expect(statSync(files.profile).mode & 0o777).toBe(0o600);
    await vi.waitFor(() => expect(fleet.statuses.findLast((s) => s.online)).toMatchObject({ configVersion: 2 }), WAIT);

    const broken = { ...mairie(), languages: { offered: ['fr'], default: 'de' } };
    await fleet.desire(kiosk.kioskId, { version: 3, config: broken });
    await vi.waitFor(() => expect(fleet.reported.some((r) => r.version === 3)).toBe(true), WAIT);
    const refusal = fleet.reported.find((r) => r.version === 3)!;
    expect(refusal.error).toMatch(/^configuration version 3: languages/);
    expect(kiosk.asked).toEqual(['apply-profile']);
    expect(JSON.parse(readFileSync(files.profile, 'utf8'))).toEqual(mairie());

    const before = fleet.statuses.length;
    await kiosk.restartAgent();
    await vi.waitFor(() => expect(fleet.statuses.slice(before).some((s) => s.online)).toBe(true), WAIT);
    expect(KioskStatusSchema.parse(fleet.statuses.slice(before).find((s) => s.online)).configVersion).toBe(2);
  });

  it('runs a command once, even when it comes again after a restart, and skips an expired one', async () => {
    await kiosk.startAgent();
    // Commands are not retained: the kiosk's session must exist on the broker first (the server resends queued ones).
    await vi.waitFor(() => expect(fleet.statuses.some((s) => s.online)).toBe(true), WAIT);
    const maintenance = kiosk.command('maintenance-on');
    const late = kiosk.command('reboot', -1_000);
    await fleet.command(kiosk.kioskId, maintenance);
    await fleet.command(kiosk.kioskId, maintenance);
    await fleet.command(kiosk.kioskId, late);
    await vi.waitFor(() => expect(fleet.entriesOf('command-result')).toHaveLength(2), WAIT);
    await kiosk.restartAgent();
    await fleet.command(kiosk.kioskId, maintenance);
    const screenshot = kiosk.command('screenshot');
    await fleet.command(kiosk.kioskId, screenshot);
    await vi.waitFor(() => expect(fleet.entriesOf('command-result')).toHaveLength(3), WAIT);

    expect(kiosk.asked).toEqual(['maintenance-on', 'screenshot']);
    const results = new Map(fleet.entriesOf('command-result').map((entry) => [entry.result.id, entry.result]));
    expect(results.get(maintenance.id)).toMatchObject({ ok: true });
    expect(results.get(late.id)).toMatchObject({ ok: false, error: 'expired before the kiosk received it; not run' });
    expect(results.get(screenshot.id)).toMatchObject({ ok: true, attachment: 'screenshot' });
    expect(uploads.uploads).toEqual([{ path: `/api/kiosk/commands/${screenshot.id}/attachment`, bearer: `Bearer ${kiosk.enrolment.credential}`, bytes: SCREENSHOT }]);
  });
});
