/**
 * The on-screen keyboard's layouts: the key rows a person knows from their own country's keyboards.
 * Each key types its text; the function keys (shift, space, erase, layout switch, hide) are drawn by
 * the keyboard itself. Rows read left to right in every script, as keys sit on a physical keyboard
 * (the Arabic one starts with ض where AZERTY has a). Adding a layout is adding an entry here.
 * Shared by the kiosk's keyboard (renderer/src/keyboard) and the one Borne draws on official sites
 * (main/shells/site-bar/keyboard-page.ts).
 */
export interface KeyboardLayout {
  /** Its name on the switch key, in its own script. */
  name: string;
  rows: string[][];
  /** The same rows with shift held, or null for a script without capitals. */
  shifted: string[][] | null;
}

const keys = (row: string) => [...row];
const upper = (rows: string[][]) => rows.map((row) => row.map((key) => key.toLocaleUpperCase('fr')));

const azertyRows = [keys('1234567890'), keys('azertyuiop'), keys('qsdfghjklm'), [...keys('wxcvbn'), 'é', 'è', 'à', 'ç', "'", '-']];
const qwertyRows = [keys('1234567890'), keys('qwertyuiop'), keys('asdfghjkl'), [...keys('zxcvbnm'), "'", '-', '.', '@']];
// The Arabic keyboard of most computers (its lam-alef key types the two letters).
const arabicRows = [keys('1234567890'), keys('ضصثقفغعهخحجد'), keys('شسيبلاتنمكط'), [...keys('ئءؤر'), 'لا', ...keys('ىةوزظذ')]];

export const KEYBOARD_LAYOUTS = {
  azerty: { name: 'AZERTY', rows: azertyRows, shifted: upper(azertyRows) },
  qwerty: { name: 'QWERTY', rows: qwertyRows, shifted: upper(qwertyRows) },
  arabic: { name: 'عربي', rows: arabicRows, shifted: null },
} satisfies Record<string, KeyboardLayout>;
export type LayoutId = keyof typeof KEYBOARD_LAYOUTS;
export const LAYOUT_IDS = Object.keys(KEYBOARD_LAYOUTS) as LayoutId[];

/** The layout a visit in `language` starts with; the switch key offers the others. */
export function layoutForLanguage(language: string): LayoutId {
  if (language === 'fr') return 'azerty';
  if (language === 'ar') return 'arabic';
  return 'qwerty';
}
