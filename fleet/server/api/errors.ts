import type { z } from 'zod';

/** An answer other than success, with the message the client sees (JSON `{ error }`). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** `body.name: Too small: expected string to have >=1 characters`: where, then what is wrong. */
export function invalidInput(where: 'body' | 'params' | 'query', error: z.ZodError): HttpError {
  const problems = error.issues.map((issue) => `${[where, ...issue.path.map(String)].join('.')}: ${issue.message}`);
  return new HttpError(400, problems.join('; '));
}
