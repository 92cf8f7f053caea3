import { STANDARD_DISPLAY, type DisplayPreferences } from '../../../common/accessibility';
import { HIGH_CONTRAST_COLOURS, KIOSK_COLOURS } from '../../../common/colours';
import { textDirection, type Language } from '../../../common/language';
import { installSiteBar, type SiteBarConfig } from './bar-page';

/** The isolated world the bar runs in; the binding is exposed in worlds of this name only. */
export const SITE_BAR_WORLD = 'borne-site-bar';
/** The function through which the bar talks to the host; the site's own scripts never see it. */
export const SITE_BAR_BINDING = 'borneSiteBar';
/** The bar's function that shows the inactivity countdown; the host calls it in the bar's world. */
export const SITE_BAR_WARN = 'borneSiteBarWarn';
/** Height of the bar at the standard text size; the site's page is pushed down by as much. */
export const SITE_BAR_HEIGHT_PX = 72;
const SITE_BAR_FONT_PX = 22;

/** What the bar may ask of the host: back to Borne, end the visit, or "the person is still here". */
export const SITE_BAR_SIGNALS = ['back', 'end', 'activity'] as const;
export type SiteBarSignal = (typeof SITE_BAR_SIGNALS)[number];

/** Anything else a page sends through the binding is ignored. */
export function parseSiteBarSignal(payload: unknown): SiteBarSignal | null {
  return SITE_BAR_SIGNALS.find((signal) => signal === payload) ?? null;
}

/**
 * The bar's words. They live here rather than in renderer/src/i18n because the host builds the bar,
 * and main/ may not import the renderer; `Record<Language, …>` asks for every language the kiosk speaks.
 */
const SITE_BAR_TEXT: Record<Language, Omit<SiteBarConfig['text'], 'lang' | 'dir'>> = {
  fr: { back: 'Retour', end: 'Terminer', label: 'Borne', stillHere: "Êtes-vous toujours là ? Touchez l'écran :", seconds: 's' },
  en: { back: 'Back', end: 'Finish', label: 'Borne', stillHere: 'Are you still there? Touch the screen:', seconds: 's' },
  ar: { back: 'رجوع', end: 'إنهاء', label: 'Borne', stillHere: 'هل ما زلت هنا؟ المس الشاشة:', seconds: 'ث' },
};

/**
 * The bar's script for a visit in `language`, with the palette of common/colours.ts: its high-contrast
 * theme and its text size (the bar grows with it) when the person chose them for the visit.
 */
export function siteBarScript(language: Language, kioskOrigin: string, display: DisplayPreferences = STANDARD_DISPLAY): string {
  const palette = display.contrast === 'high' ? HIGH_CONTRAST_COLOURS : KIOSK_COLOURS;
  const scale = display.textSize / 100;
  const config: SiteBarConfig = {
    binding: SITE_BAR_BINDING,
    warn: SITE_BAR_WARN,
    kioskOrigin,
    heightPx: Math.round(SITE_BAR_HEIGHT_PX * scale),
    fontPx: Math.round(SITE_BAR_FONT_PX * scale),
    text: { ...SITE_BAR_TEXT[language], lang: language, dir: textDirection(language) },
    colours: { bar: palette.blue, text: palette.paper, button: palette.paper, buttonText: palette.blue, focus: palette.accent },
  };
  return `(${installSiteBar.toString()})(${JSON.stringify(config)});`;
}
