import { z } from 'zod';
import type { RouteDefinition } from './route';
import { SESSION_COOKIE } from './session-cookie';

const ErrorAnswer = { type: 'object', properties: { error: { type: 'string' } }, required: ['error'] };

/** The OpenAPI 3.1 document, built from the same route definitions and zod schemas that check requests. */
export function openApiDocument(routes: readonly RouteDefinition[], version: string): object {
  const paths: Record<string, Record<string, object>> = {};
  for (const route of routes) {
    const path = route.url.replace(/:(\w+)/g, '{$1}');
    (paths[path] ??= {})[route.method.toLowerCase()] = operation(route);
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Borne fleet API', version },
    paths,
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'Set by POST /api/login. POST and PUT requests also need the X-CSRF-Token header.' },
        kiosk: { type: 'http', scheme: 'bearer', description: 'The credential a kiosk received at enrolment.' },
      },
    },
  };
}

function operation(route: RouteDefinition): object {
  const security = 'public' in route.access ? [] : 'kiosk' in route.access ? [{ kiosk: [] }] : [{ session: [] }];
  const roles = 'roles' in route.access ? ` Roles: ${route.access.roles.join(', ')}.` : '';
  return {
    summary: route.summary,
    description: `${route.summary}.${roles}`,
    security,
    parameters: [...parameters(route.params, 'path'), ...parameters(route.query, 'query')],
    ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(route.body, 'input') } } } } : {}),
    ...(route.rawBody ? { requestBody: { required: true, content: binaryBody(route.rawBody.maxBytes) } } : {}),
    responses: {
      [route.success.status]: { description: 'Done', content: { [route.success.contentType ?? 'application/json']: { schema: schemaOf(route.success.schema, 'output') } } },
      '4XX': { description: 'Refused: the message names the problem', content: { 'application/json': { schema: ErrorAnswer } } },
    },
  };
}

/** An upload sent as bytes: a PNG or any other file, up to the route's limit. */
function binaryBody(maxBytes: number): object {
  const schema = { type: 'string', format: 'binary', maxLength: maxBytes };
  return { 'image/png': { schema }, 'application/octet-stream': { schema } };
}

function schemaOf(schema: z.ZodType, io: 'input' | 'output'): object {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

function parameters(schema: z.ZodType | undefined, location: 'path' | 'query'): object[] {
  if (!schema) return [];
  const json = schemaOf(schema, 'input') as { properties?: Record<string, object>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: location,
    required: location === 'path' || (json.required ?? []).includes(name),
    schema: property,
  }));
}
