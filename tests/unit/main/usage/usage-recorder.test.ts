import { describe, expect, it } from 'vitest';
import { measure } from '../session/simulated-kiosk';
import { oximetry, startRecordedKiosk, temperature } from './recorded-kiosk';

describe('the usage recorder, on the real session machine', () => {
  it('records a visit: started, language, each measurement by kind, the site by origin, finished with its duration', async () => {
    const kiosk = startRecordedKiosk();
    kiosk.visit('en');
    kiosk.seconds(12);
    await measure(kiosk, temperature);
    await measure(kiosk, oximetry);
    await measure(kiosk, temperature); // taken again: counted again
    kiosk.actor.send({ type: 'SITE.OPEN', url: 'https://www.service-public.fr/particuliers/vosdroits/F1234?dossier=ABC123' });
    kiosk.seconds(33);
    kiosk.actor.send({ type: 'SITE.CLOSE' });
    kiosk.actor.send({ type: 'VISIT.FINISH' });
    expect(kiosk.recorded).toEqual([
      { type: 'visit-started' },
      { type: 'language-chosen', language: 'en' },
      { type: 'measurement-taken', kind: 'thermometer' },
      { type: 'measurement-taken', kind: 'pulseOximeter' },
      { type: 'measurement-taken', kind: 'thermometer' },
      { type: 'site-opened', origin: 'https://www.service-public.fr' },
      // 45 s on the visit, kept to ten seconds (rounded half up).
      { type: 'visit-ended', outcome: 'finished', durationSeconds: 50 },
    ]);
    // The end screen and the wipe add nothing.
    kiosk.seconds(10);
    await kiosk.settle();
    expect(kiosk.view().screen).toBe('attract');
    expect(kiosk.recorded).toHaveLength(7);
  });

  it('says a visit timed out when the inactivity countdown ended it', () => {
    const kiosk = startRecordedKiosk();
    kiosk.visit();
    kiosk.seconds(60 + 10); // idleTimeoutSeconds, then the countdown (simulated-kiosk's settings)
    expect(kiosk.view().screen).toBe('end');
    expect(kiosk.recorded.at(-1)).toEqual({ type: 'visit-ended', outcome: 'timed-out', durationSeconds: 70 });
  });

  it('says the watchdog ended a visit whose page crashed, and an administrator one ended by the panel', async () => {
    const kiosk = startRecordedKiosk();
    kiosk.visit();
    kiosk.actor.send({ type: 'WATCHDOG.RECOVERED' });
    await kiosk.settle();
    kiosk.visit();
    kiosk.seconds(4);
    kiosk.actor.send({ type: 'ADMIN.OPEN' });
    expect(kiosk.recorded.filter((event) => event.type === 'visit-ended')).toEqual([
      { type: 'visit-ended', outcome: 'watchdog', durationSeconds: 0 },
      { type: 'visit-ended', outcome: 'admin', durationSeconds: 0 },
    ]);
  });

  it('records nothing for a language the profile does not offer, nor for a step that is refused', () => {
    const kiosk = startRecordedKiosk();
    kiosk.actor.send({ type: 'SESSION.START' });
    kiosk.actor.send({ type: 'MEASURE.START', kind: 'thermometer' }); // not at home yet
    expect(kiosk.recorded).toEqual([{ type: 'visit-started' }]);
  });

  it('stops at the first failure of its sink, logs it once, and the kiosk serves on', async () => {
    let calls = 0;
    const kiosk = startRecordedKiosk({ append: () => { calls++; throw new Error('disk I/O error'); } });
    kiosk.visit();
    kiosk.actor.send({ type: 'VISIT.FINISH' });
    kiosk.seconds(5);
    await kiosk.settle();
    kiosk.visit();
    expect(kiosk.view().screen).toBe('home');
    expect(calls).toBe(1);
    const errors = kiosk.lines.filter((line) => line.level === 50);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ msg: expect.stringContaining('usage events are off'), err: { message: 'disk I/O error' } });
  });

  it('lets the store sync to disk once a visit has ended, never during it', () => {
    const written: string[] = [];
    const kiosk = startRecordedKiosk({ append: (event) => written.push(event.type), checkpoint: () => written.push('checkpoint') });
    kiosk.visit();
    kiosk.actor.send({ type: 'VISIT.FINISH' });
    expect(written).toEqual(['visit-started', 'language-chosen', 'visit-ended', 'checkpoint']);
  });

  it('records nothing once stopped', () => {
    const kiosk = startRecordedKiosk();
    kiosk.stop();
    kiosk.visit();
    expect(kiosk.recorded).toEqual([]);
  });
});
