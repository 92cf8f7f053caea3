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

/** The palette as CSS custom properties on `:root`. */
export function coloursAsCss(): string {
  return `:root {\n${Object.entries(KIOSK_COLOURS).map(([name, value]) => `  --${name}: ${value};`).join('\n')}\n}\n`;
}
