/**
 * The kiosk's palette, defined once: the renderer's CSS variables (`var(--blue)`…) are generated from
 * it at build time (vite.config.ts), and the host paints its windows with it before the page draws, so
 * the screen never flashes another colour at boot. Public-service palette: deep blue on white, one warm
 * accent; every text pair is at least WCAG AA.
 */
export const KIOSK_COLOURS = {
  blue: '#000091', // 15.6:1 on white
  'blue-pressed': '#1212ff',
  'blue-shadow': '#00005c',
  night: '#000028', // behind a dialog, at 72%
  ink: '#161616', // 18:1 on white
  'ink-soft': '#3a3a3a', // 11:1 on white
  paper: '#ffffff',
  mist: '#f3f3fb', // quiet background, ink stays above 16:1
  line: '#cacafb',
  accent: '#ffca00', // only on blue: 11:1
  ok: '#18753c', // 5.6:1 on white
  alert: '#b34000', // 5.3:1 on white
} as const;

/**
 * The high-contrast theme a person may choose for their visit: yellow and white on black, every text
 * pair at least WCAG AAA (7:1), the same names as KIOSK_COLOURS so every rule of the stylesheet follows.
 */
export const HIGH_CONTRAST_COLOURS: Record<keyof typeof KIOSK_COLOURS, string> = {
  blue: '#ffff00', // 19.6:1 on black
  'blue-pressed': '#ffffff',
  'blue-shadow': '#8a8a00',
  night: '#000000',
  ink: '#ffffff', // 21:1 on black
  'ink-soft': '#e6e6e6', // 16.8:1 on black
  paper: '#000000',
  mist: '#000000',
  line: '#ffffff',
  accent: '#000000', // only on yellow: 19.6:1
  ok: '#7dff9e', // 16.7:1 on black
  alert: '#ffa883', // 11:1 on black
};

const declarations = (palette: Record<string, string>) =>
  Object.entries(palette).map(([name, value]) => `  --${name}: ${value};`).join('\n');

/** The palette as CSS custom properties on `:root`, and the high-contrast theme under `data-contrast="high"`. */
export function coloursAsCss(): string {
  return `:root {\n${declarations(KIOSK_COLOURS)}\n}\n:root[data-contrast="high"] {\n${declarations(HIGH_CONTRAST_COLOURS)}\n}\n`;
}
