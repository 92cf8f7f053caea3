import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { FleetStore } from '../store/store';
import { BUILT_CONSOLE_DIR, serveConsole } from './console-static';
import type { ApiDeps } from './deps';
import { HttpError } from './errors';
import { DEFAULT_LOGIN_LIMITS, LoginThrottle, type LoginThrottleLimits } from './login-throttle';
import { openApiDocument } from './openapi';
import { registerRoute } from './register';
import type { RouteDefinition } from './route';
import { accountRoutes } from './routes/accounts';
import { alertSettingRoutes } from './routes/alert-settings';
import { alertRoutes } from './routes/alerts';
import { auditRoutes } from './routes/audit';
import { enrolmentRoutes } from './routes/enrolment';
import { kioskRoutes } from './routes/kiosks';
import { sessionRoutes } from './routes/session';
import { updateRoutes } from './routes/updates';
import { statisticsRoutes } from './routes/statistics';

export interface FleetApiOptions {
  store: FleetStore;
  now?: () => Date;
  loginLimits?: LoginThrottleLimits;
  sessionHours?: number;
  onlineWindowSeconds?: number;
  /** Trust X-Forwarded-For and -Proto from a reverse proxy in front (the rate limit counts its clients, cookies go Secure behind TLS). */
  trustProxy?: boolean;
  /** Fastify's logger (pino); the CLI keeps warnings and errors only: request lines would hold client addresses. */
  logger?: FastifyServerOptions['logger'];
  version?: string;
  /** The built console to serve outside /api (default: dist/console); null serves none. */
  consoleDir?: string | null;
}

/** Every request body is small JSON; anything bigger is refused before it is read whole. */
const BODY_LIMIT_BYTES = 16 * 1024;

/** The fleet's HTTP API, not yet listening: the CLI listens, tests inject or listen on loopback. */
export function buildFleetApi(options: FleetApiOptions): FastifyInstance {
  const deps: ApiDeps = {
    store: options.store,
    now: options.now ?? (() => new Date()),
    throttle: new LoginThrottle(options.loginLimits ?? DEFAULT_LOGIN_LIMITS),
    enrolThrottle: new LoginThrottle(options.loginLimits ?? DEFAULT_LOGIN_LIMITS),
    sessionHours: options.sessionHours ?? 12,
    onlineWindowSeconds: options.onlineWindowSeconds ?? 90,
  };
  const app = Fastify({ bodyLimit: BODY_LIMIT_BYTES, trustProxy: options.trustProxy ?? false, logger: options.logger ?? false });
  const routes: RouteDefinition[] = [
    ...sessionRoutes(deps),
    ...accountRoutes(deps),
    ...enrolmentRoutes(deps),
    ...kioskRoutes(deps),
    ...auditRoutes(deps),
    ...updateRoutes(deps),
    ...alertRoutes(deps),
    ...alertSettingRoutes(deps),
    ...statisticsRoutes(deps),
  ];
  for (const route of routes) registerRoute(app, deps, route);

  const document = openApiDocument(routes, options.version ?? '0.1.0');
  app.get('/api/openapi.json', async () => document);
  const consoleDir = options.consoleDir === undefined ? BUILT_CONSOLE_DIR : options.consoleDir;
  if (consoleDir) serveConsole(app, consoleDir);

  app.setNotFoundHandler((request, reply) => {
    void reply.code(404).send({ error: `no route ${request.method} ${request.url.split('?')[0]}` });
  });
  app.setErrorHandler((error, request, reply) => {
    if (error instanceof HttpError) return reply.code(error.status).headers(error.headers).send({ error: error.message });
    // Fastify's own refusals (body too large, malformed JSON, wrong content type) carry their 4xx status.
    const status = (error as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) return reply.code(status).send({ error: (error as Error).message });
    request.log.error(error);
    return reply.code(500).send({ error: 'internal error' });
  });
  return app;
}
