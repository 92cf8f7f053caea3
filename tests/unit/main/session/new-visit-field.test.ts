import { describe, expect, it, vi } from 'vitest';
import { assign } from 'xstate';
import { sessionMachine, type SessionContext, type SessionSettings } from '../../../../main/session/machine';
import { startWipingKiosk } from './simulated-kiosk';

// A field added to the visit's definition and nowhere else, as the next per-visit datum will be:
// neither the machine nor wipe.ts is edited, and the views never see it.
vi.mock('../../../../main/session/visit', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../../main/session/visit')>();
  return { emptyVisit: (settings: SessionSettings) => ({ ...actual.emptyVisit(settings), consentGiven: false }) };
});

// Stands in for the step that will fill it: choosing a language now also records consent.
const consenting = sessionMachine.provide({
  actions: { chooseLanguage: assign(() => ({ consentGiven: true }) as Partial<SessionContext>) },
});

async function visitAndLeave(kiosk: ReturnType<typeof startWipingKiosk>) {
  kiosk.actor.send({ type: 'SESSION.START' });
  kiosk.actor.send({ type: 'LANGUAGE.CHOOSE', language: 'fr' });
  kiosk.actor.send({ type: 'CONSENT.ACCEPT' });
  expect(kiosk.actor.getSnapshot().context).toMatchObject({ consentGiven: true });
  kiosk.actor.send({ type: 'VISIT.FINISH' });
  kiosk.actor.send({ type: 'END.DISMISS' });
  await kiosk.settle();
}

describe('a field added to the visit', () => {
  it('is reset by the machine and proven gone by the wipe', async () => {
    const kiosk = startWipingKiosk({ machine: consenting });
    await visitAndLeave(kiosk);
    expect(kiosk.view().screen).toBe('attract');
    expect(kiosk.actor.getSnapshot().context).toMatchObject({ consentGiven: false });
  });

  it('fails the wipe when a reset that lists fields by hand forgets it', async () => {
    const handWritten = consenting.provide({
      actions: { forgetVisit: assign({
        language: ({ context }) => context.settings.defaultLanguage, measurements: {}, measuring: null, idleSecondsLeft: null,
        idleStep: 'language', procedure: null, satisfaction: null,
      }) },
    });
    const kiosk = startWipingKiosk({ machine: handWritten });
    await visitAndLeave(kiosk);
    expect(kiosk.view().screen).toBe('out-of-service');
    expect(kiosk.failure()).toBe('the wipe left data behind: session: consentGiven');
  });
});
