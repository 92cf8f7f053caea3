import type { DisplayPreferences } from '../../../common/accessibility';
import { HIGH_CONTRAST_COLOURS, KIOSK_COLOURS } from '../../../common/colours';
import { KEYBOARD_LAYOUTS, LAYOUT_IDS, layoutForLanguage } from '../../../common/keyboard-layouts';
import { textDirection, type Language } from '../../../common/language';
import { installSiteKeyboard, type SiteKeyboardConfig } from './keyboard-page';

/** The keyboard's words, beside the bar's (main/ may not import the renderer's). */
const KEYBOARD_TEXT: Record<Language, Omit<SiteKeyboardConfig['text'], 'lang' | 'dir'>> = {
  fr: { label: 'Clavier', shift: 'Majuscule', switchTo: 'Passer au clavier {layout}', space: 'Espace', erase: 'Effacer', hide: 'Masquer' },
  en: { label: 'Keyboard', shift: 'Shift', switchTo: 'Switch to the {layout} keyboard', space: 'Space', erase: 'Erase', hide: 'Hide' },
  ar: { label: 'لوحة المفاتيح', shift: 'حروف كبيرة', switchTo: 'التبديل إلى لوحة مفاتيح {layout}', space: 'مسافة', erase: 'مسح', hide: 'إخفاء' },
};
/** A key's side at the standard text size; it grows with the text, up to half as much again, so that five rows still leave the page room. */
const KEY_PX = 60;
const KEYBOARD_FONT_PX = 24;

/** The keyboard's script for a visit in `language`, in the bar's world, with the visit's contrast and text size. */
export function siteKeyboardScript(binding: string, language: Language, kioskOrigin: string, display: DisplayPreferences): string {
  const palette = display.contrast === 'high' ? HIGH_CONTRAST_COLOURS : KIOSK_COLOURS;
  const scale = Math.min(display.textSize / 100, 1.5);
  const first = layoutForLanguage(language);
  const config: SiteKeyboardConfig = {
    binding,
    kioskOrigin,
    layouts: [first, ...LAYOUT_IDS.filter((id) => id !== first)].map((id) => KEYBOARD_LAYOUTS[id]),
    text: { ...KEYBOARD_TEXT[language], lang: language, dir: textDirection(language) },
    keyPx: Math.round(KEY_PX * scale),
    fontPx: Math.round(KEYBOARD_FONT_PX * scale),
    colours: { board: palette.blue, key: palette.paper, keyText: palette.blue, focus: palette.accent },
  };
  return `(${installSiteKeyboard.toString()})(${JSON.stringify(config)});`;
}

/** What the keyboard asks the host to type: one key's text, or erasing the character before the caret. */
export type KeyboardInput = { text: string } | { erase: true };

/** The longest text one key types (the Arabic lam-alef key types two letters). */
const KEY_TEXT_MAX = 4;

/**
 * The keyboard's message through the bar's binding, or null when it is none. Only what one key types
 * passes: a few printable characters, so the binding cannot be used to paste text into a site.
 */
export function parseKeyboardInput(payload: string): KeyboardInput | null {
  if (payload === 'erase') return { erase: true };
  if (!payload.startsWith('type:')) return null;
  const text = payload.slice('type:'.length);
  if (text.length === 0 || [...text].length > KEY_TEXT_MAX || /[\p{Cc}\p{Cf}]/u.test(text)) return null;
  return { text };
}
