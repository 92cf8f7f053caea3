/**
 * What a person's body can plausibly measure, one line per measured quantity. Defined once here so the
 * host refuses an implausible reading before the session sees it (devices/reading-gate.ts) and the
 * renderer never draws one even if it slipped through. A value outside its range is a device or wire
 * fault, never a diagnosis: it is refused, not shown, and not clamped into range.
 * A new kind adds its lines.
 */
export interface PlausibleRange {
  /** Inclusive bounds, in `unit`. */
  min: number;
  max: number;
  unit: string;
}

export const PLAUSIBLE_RANGES = {
  // Below 30 °C is deep hypothermia, above 45 °C is not survivable: a thermometer showing either is wrong.
  bodyTemperature: { min: 30, max: 45, unit: '°C' },
  // A person walking into a kiosk is not below 50 %; oximeters do not report above 100 %.
  spo2: { min: 50, max: 100, unit: '%' },
  // Pulse oximeters measure 25–250 beats a minute (the CMS50D+ manual's range).
  pulseRate: { min: 25, max: 250, unit: '/min' },
  // Automatic monitors measure up to 299 mmHg; a systolic under 50 or a diastolic under 20 is a person in
  // shock, not one sitting at a kiosk. Wide on purpose: a high reading is shown, it is not the kiosk's to judge.
  systolicPressure: { min: 50, max: 300, unit: 'mmHg' },
  diastolicPressure: { min: 20, max: 200, unit: 'mmHg' },
  meanArterialPressure: { min: 30, max: 250, unit: 'mmHg' },
  // Someone who can stand on a scale alone (a small child) weighs over 10 kg; the GATT field stops at 327 kg.
  bodyWeight: { min: 10, max: 300, unit: 'kg' },
  // BMI and height come from the scale's user profile: beyond these, someone typed it wrong.
  bodyMassIndex: { min: 8, max: 100, unit: 'kg/m²' },
  height: { min: 0.5, max: 2.5, unit: 'm' },
} as const satisfies Record<string, PlausibleRange>;

/** A measured quantity: one line of the table above. */
export type Quantity = keyof typeof PLAUSIBLE_RANGES;
export const QUANTITIES = Object.keys(PLAUSIBLE_RANGES) as Quantity[];

/** True for a finite value within its kind's range; NaN and ±Infinity are never plausible. */
export function isPlausible(kind: Quantity, value: number): boolean {
  const { min, max } = PLAUSIBLE_RANGES[kind];
  return Number.isFinite(value) && value >= min && value <= max;
}

/** "30–45 °C": a reason that names the range and never the value, so it may go in a log. */
export function describeRange(kind: Quantity): string {
  const { min, max, unit } = PLAUSIBLE_RANGES[kind];
  return `${min}–${max} ${unit}`;
}
