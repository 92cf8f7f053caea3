import { describe, expect, it } from 'vitest';
import { UsageEventSchema } from '../../../../common/usage-events';
import { PROCEDURES } from '../session/procedures';
import { startRecordedKiosk } from './recorded-kiosk';

const guided = () => startRecordedKiosk(undefined, { procedures: PROCEDURES, cards: { 'health-insurance': 'passport' } });

describe('usage events of the guided visit', () => {
  it('records the procedure chosen once, its site with its id, and the satisfaction answer once', async () => {
    const kiosk = guided();
    kiosk.visit('en');
    kiosk.actor.send({ type: 'PROCEDURE.OPEN', id: 'passport' });
    kiosk.actor.send({ type: 'PROCEDURE.START' });
    kiosk.actor.send({ type: 'SITE.CLOSE' }); // back to its guide: not chosen again
    kiosk.actor.send({ type: 'PROCEDURE.START' });
    kiosk.actor.send({ type: 'VISIT.FINISH' });
    kiosk.actor.send({ type: 'SATISFACTION.RATE', rating: 'neutral' });
    kiosk.actor.send({ type: 'SATISFACTION.RATE', rating: 'good' });
    expect(kiosk.recorded).toEqual([
      { type: 'visit-started' },
      { type: 'language-chosen', language: 'en' },
      { type: 'procedure-chosen', procedure: 'passport' },
      { type: 'site-opened', origin: 'http://localhost:8008', procedure: 'passport' },
      { type: 'site-opened', origin: 'http://localhost:8008', procedure: 'passport' },
      { type: 'visit-ended', outcome: 'finished', durationSeconds: 0 },
      { type: 'satisfaction', rating: 'neutral' },
    ]);
    for (const event of kiosk.recorded) expect(UsageEventSchema.parse(event)).toEqual(event);
  });

  it('records a profile\'s site without a procedure, and a procedure a card chose', () => {
    const kiosk = guided();
    kiosk.visit();
    kiosk.actor.send({ type: 'SITE.OPEN', url: 'https://www.service-public.fr/particuliers' });
    kiosk.actor.send({ type: 'SITE.CLOSE' });
    kiosk.actor.send({ type: 'CARD.READ', card: 'health-insurance' });
    expect(kiosk.recorded.slice(2)).toEqual([
      { type: 'site-opened', origin: 'https://www.service-public.fr' },
      { type: 'procedure-chosen', procedure: 'passport' },
    ]);
  });

  it('says a visit declined when the person declined the notice', () => {
    const kiosk = guided();
    kiosk.actor.send({ type: 'SESSION.START' });
    kiosk.actor.send({ type: 'LANGUAGE.CHOOSE', language: 'fr' });
    kiosk.actor.send({ type: 'CONSENT.DECLINE' });
    expect(kiosk.recorded).toEqual([
      { type: 'visit-started' },
      { type: 'language-chosen', language: 'fr' },
      { type: 'visit-ended', outcome: 'declined', durationSeconds: 0 },
    ]);
  });
});
