import path from 'node:path';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { KioskAccessControl } from '../broker/link';
import { outbound, type Outbound } from '../ingest/outbound';
import type { FleetStore } from '../store/store';
import { BUILT_CONSOLE_DIR, serveConsole } from './console-static';
import type { ApiDeps } from './deps';
import { HttpError } from './errors';
import { kioskBrokerUrl } from './kiosk-broker-url';
import { DEFAULT_LOGIN_LIMITS, LoginThrottle, type LoginThrottleLimits } from './login-throttle';
import { openApiDocument } from './openapi';
import { registerRoute } from './register';
import type { RouteDefinition } from './route';
import { accountRoutes } from './routes/accounts';
import { alertSettingRoutes } from './routes/alert-settings';
import { alertRoutes } from './routes/alerts';
import { attachmentRoutes } from './routes/attachments';
import { auditRoutes } from './routes/audit';
import { commandRoutes } from './routes/commands';
import { configRoutes } from './routes/config';
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
  /** Trust X-Forwarded-For and -Proto from a reverse proxy in front (the rate limit counts its clients, cookies go Secure behind TLS). */
  trustProxy?: boolean;
  /** Fastify's logger (pino); the CLI keeps warnings and errors only: request lines would hold client addresses. */
  logger?: FastifyServerOptions['logger'];
  version?: string;
  /** The built console to serve outside /api (default: dist/console); null serves none. */
  consoleDir?: string | null;
  /** The MQTT side (ingest/start.ts); without it, nothing is published and no kiosk is ever online. */
  mqtt?: { outbound: Outbound; access: KioskAccessControl; brokerUrl?: string };
  /** The broker address kiosks are told, when the one they would derive is wrong (a NAT, a balancer, a cluster). */
  mqttPublicUrl?: string;
  /** Heard from within this many seconds = online (90 by default). */
  onlineWindowSeconds?: number;
  /** The server's state folder; command attachments (screenshots, logs) go in its `attachments/`. No default: a shared temp folder would keep them after the server. */
  stateDir: string;
}

const NO_BROKER: KioskAccessControl = { kioskEnrolled: async () => {}, kioskMoved: async () => {} };

/** Every request body is small JSON; anything bigger is refused before it is read whole. */
const BODY_LIMIT_BYTES = 16 * 1024;

/** The fleet's HTTP API, not yet listening: the CLI listens, tests inject or listen on loopback. */
export function buildFleetApi(options: FleetApiOptions): FastifyInstance {
  const now = options.now ?? (() => new Date());
  const onlineWindowMs = (options.onlineWindowSeconds ?? 90) * 1000;
  const deps: ApiDeps = {
    store: options.store,
    now,
    throttle: new LoginThrottle(options.loginLimits ?? DEFAULT_LOGIN_LIMITS),
    enrolThrottle: new LoginThrottle(options.loginLimits ?? DEFAULT_LOGIN_LIMITS),
    sessionHours: options.sessionHours ?? 12,
    outbound: options.mqtt?.outbound ?? outbound({ store: options.store, publish: async () => {}, now, onlineWindowMs }),
    access: options.mqtt?.access ?? NO_BROKER,
    kioskBrokerUrl: (requestHost) => kioskBrokerUrl({ publicUrl: options.mqttPublicUrl, brokerUrl: options.mqtt?.brokerUrl }, requestHost),
    onlineWindowMs,
    attachmentsDir: path.join(options.stateDir, 'attachments'),
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
    ...configRoutes(deps),
    ...commandRoutes(deps),
    ...attachmentRoutes(deps),
  ];
  // Attachments are the only bodies that are not JSON; every other route refuses them (zod sees bytes).
  app.addContentTypeParser(['application/octet-stream', 'image/png'], { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
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
