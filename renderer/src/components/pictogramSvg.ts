/** What every pictogram's <svg> shares: a 96-unit square, round lines, hidden from screen readers. */
export const PICTOGRAM_SVG = {
  viewBox: '0 0 96 96',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 5,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
  'aria-hidden': true,
  focusable: false,
} as const;
