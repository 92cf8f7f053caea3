import type { z } from 'zod';
import type { FleetStore } from '../store/store';
import type { Outbound } from './outbound';
import type { Refusals } from './refusals';

export interface IngestDeps {
  store: FleetStore;
  now: () => Date;
  outbound: Outbound;
  refusals: Refusals;
}

/** A message the server will not take, with the reason it is counted and logged under. */
export class Refused extends Error {}

/** Parses with the contract's schema; the refusal names the first field that is wrong, never its value. */
export function valid<S extends z.ZodType>(schema: S, payload: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(payload);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Refused(`invalid ${what}: ${issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'does not match'}`);
}
