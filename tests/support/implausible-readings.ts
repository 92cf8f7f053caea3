/**
 * The readings from the issue, as a faulty thermometer puts them on the wire. Each decodes to a finite
 * number (not NaN, not NRes), so a test that sends them exercises the plausible-range check, not the codec.
 */
export interface WireReading {
  /** How the issue wrote it, and what must never appear on screen or in a log. */
  label: string;
  celsius: number;
  /** The resolution to encode at (see ThermometerSimulator's `exponent`). */
  exponent?: number;
}

/**
 * ≈ 8.39e133: the largest mantissa the encoder writes (2^23 − 3) at the largest FLOAT exponent (127).
 * At the default 0.01° resolution it would not fit and would go out as NRes.
 */
export const HUGE: WireReading = { label: '8.39e133', celsius: 8.388605e133, exponent: 127 };

export const IMPLAUSIBLE_READINGS: readonly WireReading[] = [
  { label: '-300', celsius: -300 },
  { label: '99.9', celsius: 99.9 },
  HUGE,
];

/** Fragments of the implausible values as a French or English screen, or a log, might write them. */
export const IMPLAUSIBLE_FRAGMENTS = [/300/, /99[.,]9/, /8[.,]3[89]/, /e\+?133/i, /838860/];
