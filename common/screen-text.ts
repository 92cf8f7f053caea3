/** Text a person reads on a kiosk screen, as configuration files give it. */

/** Line breaks, tabs, escapes and NUL have no place in a line shown on a screen. */
export const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

/** Lengths count characters as a person sees them (code points, not UTF-16 units). */
export const characters = (text: string): number => [...text].length;
