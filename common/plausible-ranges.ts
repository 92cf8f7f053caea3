/**
 * What a person's body can plausibly measure, one line per measured quantity. Defined once here so the
 * host refuses an implausible reading before the session sees it (devices/reading-gate.ts) and the
 * renderer never draws one even if it slipped through. A value outside its range is a device or wire
 * fault, never a diagnosis: it is refused, not shown, and not clamped into range.
 * Later kinds add a line: systolic, diastolic, spo2, pulse, weight…
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
} as const satisfies Record<string, PlausibleRange>;

export type MeasurementKind = keyof typeof PLAUSIBLE_RANGES;
export const MEASUREMENT_KINDS = Object.keys(PLAUSIBLE_RANGES) as MeasurementKind[];

/** True for a finite value within its kind's range; NaN and ±Infinity are never plausible. */
export function isPlausible(kind: MeasurementKind, value: number): boolean {
  const { min, max } = PLAUSIBLE_RANGES[kind];
  return Number.isFinite(value) && value >= min && value <= max;
}

/** "30–45 °C": a reason that names the range and never the value, so it may go in a log. */
export function describeRange(kind: MeasurementKind): string {
  const { min, max, unit } = PLAUSIBLE_RANGES[kind];
  return `${min}–${max} ${unit}`;
}
