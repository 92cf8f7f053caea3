/** The sentence an error carries, for a log line or a person; anything thrown that is not an Error is said as it is. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
