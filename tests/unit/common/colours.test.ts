import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { coloursAsCss, HIGH_CONTRAST_COLOURS, KIOSK_COLOURS } from '../../../common/colours';

describe('the kiosk palette', () => {
  it('becomes one CSS variable per colour', () => {
    const css = coloursAsCss();
    for (const [name, value] of Object.entries(KIOSK_COLOURS)) expect(css).toContain(`--${name}: ${value};`);
  });

  it('is the only place a colour is written: no colour literal anywhere else in the product', () => {
    // Over tracked product files: a colour typed elsewhere would drift from the palette. The fleet console is
    // another application, for administrators, with its own palette in one file.
    const grep = spawnSync('git', ['grep', '-nIE', String.raw`#[0-9a-fA-F]{3,8}\b|rgba?\(|hsla?\(`, '--',
      'common', 'main', 'renderer', 'devices', 'kiosk-config', 'fleet', ':!common/colours.ts', ':!fleet/console/src/palette.css'], { encoding: 'utf8' });
    expect(grep.stderr).toBe('');
    expect(grep.stdout.split('\n').filter(Boolean)).toEqual([]);
    expect(grep.status).toBe(1); // git grep's answer for "nothing found"
  });
});

/** WCAG 2 contrast ratio between two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
      .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

describe('the high-contrast theme', () => {
  it('becomes the same variables under data-contrast="high"', () => {
    const css = coloursAsCss();
    const theme = css.slice(css.indexOf(':root[data-contrast="high"]'));
    for (const [name, value] of Object.entries(HIGH_CONTRAST_COLOURS)) expect(theme).toContain(`--${name}: ${value};`);
  });

  // Text on its background, as the stylesheet pairs them: every pair at least AAA (7:1).
  it.each([
    ['ink', 'paper'], ['ink-soft', 'paper'], ['blue', 'paper'], ['paper', 'blue'], ['ok', 'paper'], ['alert', 'paper'],
    ['accent', 'blue'], ['ink', 'mist'], ['blue', 'mist'], ['ink', 'accent'],
  ] as const)('%s on %s reaches 7:1', (text, background) => {
    expect(contrast(HIGH_CONTRAST_COLOURS[text], HIGH_CONTRAST_COLOURS[background])).toBeGreaterThanOrEqual(7);
  });
});
