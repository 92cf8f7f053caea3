import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ReleaseFileSchema, updateFeed, VersionSchema } from '../../updates/release';
import { StageSchema, stageProgress, targetVersion, type HeardKiosk, type Rollout } from '../../updates/rollout';
import { ROLLOUT_STATES, type RolloutState } from '../../store/schema';
import type { ApiDeps } from '../deps';
import { HttpError } from '../errors';
import { MAY } from '../roles';
import { defineRoute, type RouteDefinition } from '../route';

const ReleaseBody = z.object({
  version: VersionSchema,
  files: z.array(ReleaseFileSchema).min(1).max(10),
  releaseNotes: z.string().max(10_000).optional(),
  releaseDate: z.iso.datetime().optional(),
}).strict();
const ReleaseAnswer = z.object({ version: z.string(), files: z.array(ReleaseFileSchema), releaseNotes: z.string().nullable(), releaseDate: z.string() });

const RolloutBody = z.object({
  version: VersionSchema,
  /** Widening stages: 5 % of the town halls, then 25 %, then everyone. */
  stages: z.array(StageSchema).min(1).max(10),
  healthMinutes: z.number().int().min(0).max(7 * 24 * 60).default(30),
}).strict();
const ProgressAnswer = z.object({
  targeted: z.number(), healthy: z.number(), waiting: z.number(), unhealthy: z.number(),
  holding: z.array(z.object({ id: z.string(), name: z.string(), why: z.string() })),
});
const RolloutAnswer = z.object({
  id: z.string(), version: z.string(), fromVersion: z.string().nullable(), stages: z.array(StageSchema), stage: z.number(),
  state: z.enum(ROLLOUT_STATES), healthMinutes: z.number(), progress: ProgressAnswer.optional(),
});
const RolloutParams = z.object({ id: z.uuid() });

/** The release kiosks outside a running rollout keep: the newest finished rollout's outcome. */
function stableVersion(newest: Rollout | undefined): string | null {
  if (!newest) return null;
  if (newest.state === 'complete') return newest.version;
  return newest.fromVersion;
}

/**
 * Software updates (docs/fleet-updates.md): releases, a staged rollout by percentage and group, a health
 * gate between stages, pause and rollback, and the electron-updater feed each kiosk reads with its credential.
 */
export function updateRoutes(deps: ApiDeps): RouteDefinition[] {
  async function heardKiosks(): Promise<HeardKiosk[]> {
    const [kiosks, statuses] = await Promise.all([deps.store.kiosks.list(), deps.store.status.allLatest()]);
    const byKiosk = new Map(statuses.map((heard) => [heard.kioskId, heard]));
    return kiosks.filter((kiosk) => kiosk.state === 'approved').map((kiosk) => ({
      id: kiosk.id, name: kiosk.name, group: kiosk.group_name,
      heardAt: byKiosk.get(kiosk.id)?.heardAt ?? null, status: byKiosk.get(kiosk.id)?.status ?? null,
    }));
  }

  /** Only the newest rollout decides the feeds, so only it may change. */
  async function newestRollout(id: string): Promise<Rollout> {
    const newest = await deps.store.releases.newestRollout();
    if (newest?.id !== id) throw new HttpError(404, `no rollout ${id} that can change: only the newest rollout can`);
    return newest;
  }

  /** Pause, resume and roll back: one move between states, allowed from some states only. */
  function rolloutMove(verb: 'pause' | 'resume' | 'rollback', from: readonly RolloutState[], to: RolloutState): RouteDefinition {
    return defineRoute({
      method: 'POST',
      url: `/api/rollouts/:id/${verb}`,
      summary: { pause: 'Hold a rollout at its stage', resume: 'Let a paused rollout go on', rollback: 'Send every kiosk back to the release it ran before' }[verb],
      access: { roles: MAY.manageReleases },
      auditAction: `rollout.${verb}`,
      params: RolloutParams,
      success: { status: 200, schema: RolloutAnswer },
      async handler({ params, audit }) {
        const rollout = await newestRollout(params.id);
        audit.detail = `release ${rollout.version}`;
        if (!from.includes(rollout.state)) throw new HttpError(409, `rollout ${rollout.id} is ${rollout.state}: only a ${from.join(' or ')} rollout can ${verb}`);
        if (verb === 'rollback' && !rollout.fromVersion) throw new HttpError(409, 'there is no earlier release to go back to: pause the rollout instead');
        const moved = await deps.store.releases.moveRollout(rollout.id, rollout, { state: to, stage: rollout.stage }, deps.now().toISOString());
        if (!moved) throw new HttpError(409, `rollout ${rollout.id} changed meanwhile: reload and try again`);
        return { ...rollout, state: to };
      },
    });
  }

  return [
    defineRoute({
      method: 'GET',
      url: '/api/releases',
      summary: 'Registered releases, newest first',
      access: { roles: MAY.readFleet },
      success: { status: 200, schema: z.object({ releases: z.array(ReleaseAnswer) }) },
      async handler() {
        return { releases: await deps.store.releases.list() };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/releases',
      summary: 'Register a release: its files stay on the release server, the fleet lists them in the feed',
      access: { roles: MAY.manageReleases },
      auditAction: 'release.add',
      body: ReleaseBody,
      success: { status: 201, schema: ReleaseAnswer },
      async handler({ body, caller, audit }) {
        const at = deps.now().toISOString();
        const release = { version: body.version, files: body.files, releaseNotes: body.releaseNotes ?? null, releaseDate: body.releaseDate ?? at };
        audit.detail = `release ${body.version}`;
        if (!(await deps.store.releases.add(release, caller.kind === 'account' ? caller.account.id : 'unknown', at))) {
          throw new HttpError(409, `release ${body.version} is already registered: a version's files never change, register a new version`);
        }
        return release;
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/rollouts',
      summary: 'Rollouts, newest first; the newest one, while it runs, with how its kiosks are doing',
      access: { roles: MAY.readFleet },
      success: { status: 200, schema: z.object({ rollouts: z.array(RolloutAnswer) }) },
      async handler() {
        const rollouts = await deps.store.releases.rollouts(50);
        const [newest] = rollouts;
        if (!newest || newest.state === 'complete' || newest.state === 'rolled-back') return { rollouts };
        const progress = stageProgress(await heardKiosks(), newest, deps.now(), deps.onlineWindowMs / 1000);
        return { rollouts: [{ ...newest, progress }, ...rollouts.slice(1)] };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/rollouts',
      summary: 'Start a staged rollout of a registered release at its first stage',
      access: { roles: MAY.manageReleases },
      auditAction: 'rollout.start',
      body: RolloutBody,
      success: { status: 201, schema: RolloutAnswer },
      async handler({ body, caller, audit }) {
        audit.detail = `release ${body.version}`;
        if (!(await deps.store.releases.byVersion(body.version))) throw new HttpError(404, `no release ${body.version}: register it first (POST /api/releases)`);
        const newest = await deps.store.releases.newestRollout();
        if (newest && (newest.state === 'running' || newest.state === 'paused')) {
          throw new HttpError(409, `the rollout of ${newest.version} is still ${newest.state}: finish it or roll it back first`);
        }
        const fromVersion = stableVersion(newest);
        if (fromVersion === body.version) throw new HttpError(409, `${body.version} is already the fleet's release`);
        const rollout: Rollout = { id: randomUUID(), version: body.version, fromVersion, stages: body.stages, stage: 0, state: 'running', healthMinutes: body.healthMinutes };
        await deps.store.releases.startRollout(rollout, caller.kind === 'account' ? caller.account.id : 'unknown', deps.now().toISOString());
        return rollout;
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/rollouts/:id/advance',
      summary: 'Open the next stage (or finish) once every kiosk of the stages so far reports healthy on the release',
      access: { roles: MAY.manageReleases },
      auditAction: 'rollout.advance',
      params: RolloutParams,
      success: { status: 200, schema: RolloutAnswer },
      async handler({ params, audit }) {
        const rollout = await newestRollout(params.id);
        audit.detail = `release ${rollout.version}, stage ${rollout.stage + 1} of ${rollout.stages.length}`;
        if (rollout.state !== 'running') throw new HttpError(409, `rollout ${rollout.id} is ${rollout.state}: only a running rollout advances`);
        const progress = stageProgress(await heardKiosks(), rollout, deps.now(), deps.onlineWindowMs / 1000);
        if (progress.healthy < progress.targeted) {
          const names = progress.holding.map((kiosk) => `${kiosk.name} (${kiosk.why})`).join(', ');
          throw new HttpError(409, `${progress.targeted - progress.healthy} of ${progress.targeted} kiosks are not healthy on ${rollout.version} yet: ${names}`);
        }
        const last = rollout.stage + 1 >= rollout.stages.length;
        const to = last ? { state: 'complete' as const, stage: rollout.stage } : { state: 'running' as const, stage: rollout.stage + 1 };
        if (!(await deps.store.releases.moveRollout(rollout.id, rollout, to, deps.now().toISOString()))) {
          throw new HttpError(409, `rollout ${rollout.id} changed meanwhile: reload and try again`);
        }
        return { ...rollout, ...to };
      },
    }),
    rolloutMove('pause', ['running'], 'paused'),
    rolloutMove('resume', ['paused'], 'running'),
    rolloutMove('rollback', ['running', 'paused', 'complete'], 'rolled-back'),
    defineRoute({
      method: 'GET',
      url: '/api/kiosk/updates/latest-linux.yml',
      summary: "The kiosk's update feed for electron-updater's generic provider (Authorization: Bearer <credential>)",
      access: { kiosk: true },
      success: { status: 200, schema: z.string() },
      async handler({ caller, reply }) {
        if (caller.kind !== 'kiosk') throw new HttpError(401, 'a kiosk credential is needed');
        if (caller.kiosk.state !== 'approved') throw new HttpError(403, 'this kiosk is not approved yet: it gets updates once it is');
        const kiosk = { id: caller.kiosk.id, name: caller.kiosk.name, group: caller.kiosk.group_name };
        const version = targetVersion(kiosk, await deps.store.releases.newestRollout());
        const release = version ? await deps.store.releases.byVersion(version) : undefined;
        if (!release) throw new HttpError(404, 'no release is offered to this kiosk: it keeps the version it runs');
        void reply.type('text/yaml; charset=utf-8');
        return updateFeed(release);
      },
    }),
  ];
}
