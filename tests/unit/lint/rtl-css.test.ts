import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Arabic mirrors every screen through `dir="rtl"`, which only logical CSS follows: `margin-inline-start`
 * moves to the right in Arabic, `margin-left` stays put. A line that must stay physical says so with
 * the comment `physical on purpose` (the administrator's corner, top left in every language).
 */
const PHYSICAL = [
  /(^|[\s;{])(left|right)\s*:/, // left: 0 → inset-inline-start
  /\b(margin|padding|border|scroll-margin|scroll-padding)-(left|right)\b/, // → -inline-start / -inline-end
  /\bborder-(top|bottom)-(left|right)-radius\b/, // → border-start-start-radius…
  /\b(text-align|float|clear|justify-content|justify-items|justify-self)\s*:\s*(left|right)\b/, // → start / end
  /\btranslateX\(|\btranslate\(\s*-?[\d.]+[a-z%]*\s*,/, // a slide that would go the wrong way
  /\bbackground-position(-x)?\s*:[^;]*\b(left|right)\b/,
];

function cssFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.css'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** `padding: 0 1rem 0 2rem`: a four-value shorthand whose left and right differ is physical too. */
function unevenSides(line: string): boolean {
  const sides = /\b(margin|padding|inset)\s*:\s*([^;}()]+)/.exec(line)?.[2]?.trim().split(/\s+/);
  return sides?.length === 4 && sides[1] !== sides[3];
}

/** `file:line: text` for each physical property not marked as meant. */
function physicalLines(file: string, css: string): string[] {
  return css.split('\n').flatMap((line, index) => {
    const code = line.replace(/\/\*.*?\*\//g, '');
    const physical = PHYSICAL.some((pattern) => pattern.test(code)) || unevenSides(code);
    return physical && !line.includes('physical on purpose') ? [`${file}:${index + 1}: ${line.trim()}`] : [];
  });
}

describe('renderer and fleet console stylesheets, for right-to-left languages', () => {
  it('use logical properties only (start and end, never left and right)', () => {
    const files = [...cssFiles('renderer/src'), ...cssFiles('fleet/console/src')];
    expect(files.filter((file) => file.startsWith('fleet/')).length).toBeGreaterThan(0);
    expect(files.flatMap((file) => physicalLines(file, readFileSync(file, 'utf8')))).toEqual([]);
  });

  it.each([
    ['.a { margin-left: 1rem; }'], ['.a { padding-right: 0; }'], ['.a { left: 0; }'], ['.a {\n  right: 2px;'],
    ['.a { text-align: left; }'], ['.a { float: right; }'], ['.a { border-left: 1px solid; }'],
    ['.a { transform: translateX(2rem); }'], ['.a { background-position: right 1rem top; }'], ['.a { border-top-left-radius: 1rem; }'],
    ['.a { padding: 0 1rem 0 2rem; }'], ['.a { inset: 0 auto auto 0; }'],
  ])('would catch %j', (css) => {
    expect(physicalLines('x.css', css)).toHaveLength(1);
  });

  it.each([
    ['.a { margin-inline-start: 1rem; }'], ['.a { inset-inline-start: 0; }'], ['.a { text-align: start; }'],
    ['.a { border-top: 1px solid; }'], ['.a { padding: 0.2em 1em 0.35em; }'], ['.a { margin: 0 1rem 2rem 1rem; }'], ['.a { transform: scale(0.97); }'], ['.a { left: 0; /* physical on purpose */ }'],
    ['/* the left column */'],
  ])('lets %j through', (css) => {
    expect(physicalLines('x.css', css)).toEqual([]);
  });
});
