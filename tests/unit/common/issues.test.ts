import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { issueLines } from '../../../common/issues';

describe('issueLines', () => {
  const Schema = z.object({ kiosk: z.object({ id: z.string() }), port: z.number() }).strict();

  it('gives one `field.path: reason` line per problem', () => {
    const parsed = Schema.safeParse({ kiosk: { id: 3 }, port: 'x', extra: true });
    expect(parsed.success).toBe(false);
    expect(issueLines(parsed.error!.issues)).toEqual([
      'kiosk.id: Invalid input: expected string, received number',
      'port: Invalid input: expected number, received string',
      '(message): Unrecognized key: "extra"',
    ]);
  });

  it('names a problem with the whole value as the caller says', () => {
    const parsed = Schema.safeParse('not an object');
    expect(issueLines(parsed.error!.issues, '(whole file)')).toEqual(['(whole file): Invalid input: expected object, received string']);
  });
});
