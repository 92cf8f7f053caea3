import type { z } from 'zod';

/**
 * The one way Borne words what a zod schema refused: one `field.path: reason` per problem, so that a
 * technician (a profile), a developer (a bridge message) or a log reader sees where and why at once.
 * zod's own `z.prettifyError` spreads each problem over two lines with symbols, which suits neither a
 * log line nor the `file: field: reason` lines a profile error prints.
 */
export function issueLines(issues: readonly z.core.$ZodIssue[], whole = '(message)'): string[] {
  return issues.map((issue) => `${issue.path.length ? issue.path.join('.') : whole}: ${issue.message}`);
}
