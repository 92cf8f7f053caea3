import { describe, expect, it } from 'vitest';
import { CONSOLE_TEXTS, consoleLanguage } from '../../../../fleet/console/src/texts';

/** Every path to a text: the compiler checks the fixed ones, not the keys of the lookup tables (states, names). */
function paths(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => paths(inner, prefix ? `${prefix}.${key}` : key)).sort();
}

describe('the console texts', () => {
  it('say in French everything they say in English, down to every state and command name', () => {
    expect(paths(CONSOLE_TEXTS.fr)).toEqual(paths(CONSOLE_TEXTS.en));
  });

  it('take the first of the browser languages the console speaks, and French when it speaks none', () => {
    expect(consoleLanguage(['fr-FR', 'en-GB'])).toBe('fr');
    expect(consoleLanguage(['de-DE', 'en-US', 'fr'])).toBe('en');
    expect(consoleLanguage(['FR-ca'])).toBe('fr');
    expect(consoleLanguage(['de-DE', 'ar'])).toBe('fr');
    expect(consoleLanguage([])).toBe('fr');
  });

  it('write counts and plurals as each language does', () => {
    expect(CONSOLE_TEXTS.fr.fleet.counts(1, 0, 1)).toBe('1 borne · 0 en ligne · 1 demande votre attention');
    expect(CONSOLE_TEXTS.fr.fleet.counts(3, 2, 0)).toBe('3 bornes · 2 en ligne · 0 demande votre attention');
    expect(CONSOLE_TEXTS.en.fleet.counts(3, 2, 0)).toBe('3 kiosks · 2 online · 0 need attention');
  });
});
