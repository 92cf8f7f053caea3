import type { Kysely, Selectable } from 'kysely';
import { ReleaseFileSchema, type Release } from '../updates/release';
import { StageSchema, type Rollout } from '../updates/rollout';
import type { FleetDatabase, ReleasesTable, RolloutState, RolloutsTable } from './schema';

/** Releases and their rollouts; the newest rollout is the one every kiosk's feed follows. */
export function releaseQueries(db: Kysely<FleetDatabase>) {
  return {
    async add(release: Release, by: string, at: string): Promise<boolean> {
      const result = await db.insertInto('releases').values({
        version: release.version, files: JSON.stringify(release.files), release_notes: release.releaseNotes,
        release_date: release.releaseDate, created_by: by, created_at: at,
      }).onConflict((conflict) => conflict.column('version').doNothing()).executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
    },
    async byVersion(version: string): Promise<Release | undefined> {
      const row = await db.selectFrom('releases').selectAll().where('version', '=', version).executeTakeFirst();
      return row && releaseOf(row);
    },
    async list(): Promise<Release[]> {
      return (await db.selectFrom('releases').selectAll().orderBy('created_at', 'desc').execute()).map(releaseOf);
    },
    /** Adds `rollout` as the newest; throws when another start got there first (the generation is taken). */
    async startRollout(rollout: Rollout, by: string, at: string): Promise<void> {
      const newest = await db.selectFrom('rollouts').select((eb) => eb.fn.max('generation').as('g')).executeTakeFirst();
      await db.insertInto('rollouts').values({
        id: rollout.id, generation: Number(newest?.g ?? 0) + 1, version: rollout.version, from_version: rollout.fromVersion, stages: JSON.stringify(rollout.stages),
        stage: rollout.stage, state: rollout.state, health_minutes: rollout.healthMinutes, created_by: by, created_at: at, updated_at: at,
      }).execute();
    },
    async newestRollout(): Promise<Rollout | undefined> {
      const row = await db.selectFrom('rollouts').selectAll().orderBy('generation', 'desc').limit(1).executeTakeFirst();
      return row && rolloutOf(row);
    },
    async rollouts(limit: number): Promise<(Rollout & { createdAt: string; updatedAt: string })[]> {
      const rows = await db.selectFrom('rollouts').selectAll().orderBy('generation', 'desc').limit(limit).execute();
      return rows.map((row) => ({ ...rolloutOf(row), createdAt: row.created_at, updatedAt: row.updated_at }));
    },
    /** Moves a rollout on only from the state and stage it was read in, so two clicks cannot both advance it. */
    async moveRollout(id: string, from: { state: RolloutState; stage: number }, to: { state: RolloutState; stage: number }, at: string): Promise<boolean> {
      const result = await db.updateTable('rollouts').set({ state: to.state, stage: to.stage, updated_at: at })
        .where('id', '=', id).where('state', '=', from.state).where('stage', '=', from.stage).executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
  };
}

function releaseOf(row: Selectable<ReleasesTable>): Release {
  return {
    version: row.version,
    files: ReleaseFileSchema.array().parse(JSON.parse(row.files)),
    releaseNotes: row.release_notes,
    releaseDate: row.release_date,
  };
}

function rolloutOf(row: Selectable<RolloutsTable>): Rollout {
  return {
    id: row.id, version: row.version, fromVersion: row.from_version, stages: StageSchema.array().parse(JSON.parse(row.stages)),
    stage: row.stage, state: row.state, healthMinutes: row.health_minutes,
  };
}
