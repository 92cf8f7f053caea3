import { describe, expect, it } from 'vitest';
import { describeIssues } from '../../../kiosk-config/load';
import { ProfileSchema } from '../../../kiosk-config/schema';

const minimal = { kiosk: { id: 'mairie-tulle', name: 'Mairie' }, languages: { offered: ['fr'], default: 'fr' } };

/** The loader's lines for this input, or [] when it is valid. */
function problems(input: unknown): string[] {
  const parsed = ProfileSchema.safeParse(input);
  return parsed.success ? [] : describeIssues('p.json', parsed.error.issues).split('\n');
}

describe('session.idleTimeoutSecondsByScreen', () => {
  it('defaults to none: every step then waits idleTimeoutSeconds', () => {
    expect(ProfileSchema.parse(minimal).session).toMatchObject({ idleTimeoutSeconds: 90, idleTimeoutSecondsByScreen: {} });
    expect(ProfileSchema.parse({ ...minimal, session: { idleTimeoutSeconds: 60 } }).session.idleTimeoutSecondsByScreen).toEqual({});
  });

  it('takes a timeout for some of the visit\'s steps', () => {
    const session = { idleTimeoutSecondsByScreen: { site: 600, home: 30 } };
    expect(ProfileSchema.parse({ ...minimal, session }).session.idleTimeoutSecondsByScreen).toEqual({ site: 600, home: 30 });
  });

  it('names a screen that is not a visit step, and a timeout out of bounds', () => {
    expect(problems({ ...minimal, session: { idleTimeoutSecondsByScreen: { attract: 30 } } })).toEqual([
      "p.json: session.idleTimeoutSecondsByScreen.attract: \"attract\" is not one of the visit's steps: choose among language, consent, home, guide, measure, site",
    ]);
    expect(problems({ ...minimal, session: { idleTimeoutSecondsByScreen: { site: 2 } } })).toEqual([
      expect.stringMatching(/^p\.json: session\.idleTimeoutSecondsByScreen\.site: .*5/),
    ]);
  });
});

describe('catalog', () => {
  it('defaults to the shipped catalog, every procedure offered', () => {
    expect(ProfileSchema.parse(minimal).catalog).toEqual({});
  });

  it('takes a folder and the procedures offered', () => {
    const catalog = { dir: '/etc/borne/catalog', procedures: ['passport', 'id-card'] };
    expect(ProfileSchema.parse({ ...minimal, catalog }).catalog).toEqual(catalog);
  });

  it('refuses an empty list, an id listed twice, a malformed id and an unknown field, each named', () => {
    expect(problems({ ...minimal, catalog: { procedures: [] } })).toEqual([
      'p.json: catalog.procedures: list at least one procedure, or leave "procedures" out to offer them all',
    ]);
    expect(problems({ ...minimal, catalog: { procedures: ['passport', 'passport'] } })).toEqual(['p.json: catalog.procedures: list each procedure once']);
    expect(problems({ ...minimal, catalog: { procedures: ['Passport'] } })).toEqual([
      expect.stringMatching(/^p\.json: catalog\.procedures\.0: use lowercase letters/),
    ]);
    expect(problems({ ...minimal, catalog: { folder: 'x' } })).toEqual([expect.stringMatching(/^p\.json: catalog: .*folder/)]);
  });
});

describe('cards', () => {
  it('defaults to none, and maps a card kind to a procedure id', () => {
    expect(ProfileSchema.parse(minimal).cards).toEqual({});
    expect(ProfileSchema.parse({ ...minimal, cards: { 'health-insurance': 'health-insurance' } }).cards).toEqual({ 'health-insurance': 'health-insurance' });
  });

  it('names a card kind the kiosk does not know', () => {
    expect(problems({ ...minimal, cards: { 'library-card': 'passport' } })).toEqual([
      "p.json: cards.library-card: \"library-card\" is not a card kind the kiosk knows: choose among health-insurance, identity",
    ]);
  });
});
