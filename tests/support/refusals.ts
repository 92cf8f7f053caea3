import { QUANTITIES, type Quantity } from '../../common/plausible-ranges';

/** The gate's counters as `rejectedReadings()` gives them: `counts` for the quantities named, 0 for every other. */
export const refusals = (counts: Partial<Record<Quantity, number>> = {}): Record<Quantity, number> =>
  ({ ...Object.fromEntries(QUANTITIES.map((quantity) => [quantity, 0])), ...counts }) as Record<Quantity, number>;
