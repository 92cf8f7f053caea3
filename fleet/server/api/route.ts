import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Account, Role, Session } from '../store/schema';
import type { KioskView } from '../store/kiosks';

/**
 * Who may call a route: nobody in particular (login, enrol, the OpenAPI document), a kiosk with its
 * credential, or a console account with one of the listed roles.
 */
export type RouteAccess = { public: true } | { kiosk: true } | { roles: readonly Role[] };

export type Caller =
  | { kind: 'anonymous' }
  | { kind: 'account'; account: Account; session: Session }
  | { kind: 'kiosk'; kiosk: KioskView };

/** What the audit line of a mutation says beyond who and what: filled in by the handler as it learns it. */
export interface AuditNote {
  /** Overrides the caller (a login names the account it opened). */
  actor?: string;
  kioskId?: string;
  detail?: string;
}

export interface RouteContext<Body, Params, Query> {
  body: Body;
  params: Params;
  query: Query;
  caller: Caller;
  request: FastifyRequest;
  reply: FastifyReply;
  audit: AuditNote;
}

/**
 * One API route as data: the wrapper in register.ts checks access, CSRF and input against it before the
 * handler runs, writes the audit line, and openapi.ts describes it. `auditAction` marks a mutation.
 */
export interface RouteDefinition<B extends z.ZodType = z.ZodType, P extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType> {
  method: 'GET' | 'POST' | 'PUT';
  url: string;
  summary: string;
  access: RouteAccess;
  auditAction?: string;
  /** The path parameter naming the kiosk acted on, so that even a refused request's audit line says which. */
  kioskParam?: string;
  body?: B;
  /** A binary upload (not JSON): the handler gets the bytes as a Buffer, up to `maxBytes`; `body` is not used. */
  rawBody?: { maxBytes: number };
  params?: P;
  query?: Q;
  /** Status of success and the schema of its answer, for the OpenAPI document; JSON unless `contentType` says otherwise. */
  success: { status: number; schema: z.ZodType; contentType?: string };
  handler(context: RouteContext<z.infer<B>, z.infer<P>, z.infer<Q>>): Promise<unknown>;
}

/** Keeps each route's handler typed by its own schemas while routes are listed side by side. */
export function defineRoute<B extends z.ZodType, P extends z.ZodType, Q extends z.ZodType>(definition: RouteDefinition<B, P, Q>): RouteDefinition {
  return definition as unknown as RouteDefinition;
}
