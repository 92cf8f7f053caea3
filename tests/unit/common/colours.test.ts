import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { coloursAsCss, KIOSK_COLOURS } from '../../../common/colours';

describe('the kiosk palette', () => {
  it('becomes one CSS variable per colour', () => {
    const css = coloursAsCss();
    for (const [name, value] of Object.entries(KIOSK_COLOURS)) expect(css).toContain(`--${name}: ${value};`);
  });

  it('is the only place a colour is written: no colour literal anywhere else in the product', () => {
    // Over tracked product files: a colour typed elsewhere would drift from the palette.
    const grep = spawnSync('git', ['grep', '-nIE', String.raw`#[0-9a-fA-F]{3,8}\b|rgba?\(|hsla?\(`, '--',
      'common', 'main', 'renderer', 'devices', 'kiosk-config', 'fleet', ':!common/colours.ts'], { encoding: 'utf8' });
    expect(grep.stderr).toBe('');
    expect(grep.stdout.split('\n').filter(Boolean)).toEqual([]);
    expect(grep.status).toBe(1); // git grep's answer for "nothing found"
  });
});
