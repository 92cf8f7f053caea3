import { useState } from 'react';
import { api } from '../api/client';
import { AnySchema, ReleaseListSchema, RolloutListSchema, RolloutSchema, type ConsoleSession, type Rollout } from '../api/shapes';
import { REFRESH_MS, useLoad } from '../api/useLoad';
import { ConfirmButton } from '../components/ConfirmButton';
import { HeaderRow } from '../components/HeaderRow';
import { JsonEditor } from '../components/JsonEditor';
import { Loaded, Outcome } from '../components/Loaded';
import { formatTime } from '../components/TimeAgo';
import { may } from '../roles';
import { TEXTS } from '../texts';

const t = TEXTS.updates;
const { actions: _actions, ...withoutActions } = t.rolloutColumns;
const RELEASE_TEMPLATE = { version: '0.2.0', files: [{ url: 'https://releases.example.org/borne-0.2.0.AppImage', sha512: '', size: 0 }], releaseNotes: '' };

/** Releases and their staged rollouts: what each kiosk's update feed offers, and whether the next stage may open. */
export function Updates({ session }: { session: ConsoleSession }) {
  const releases = useLoad(() => api('GET', '/api/releases', ReleaseListSchema), []);
  const rollouts = useLoad(() => api('GET', '/api/rollouts', RolloutListSchema), [], REFRESH_MS);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string }>();
  const manage = may(session.role, 'manageReleases');

  async function act(rollout: Rollout, verb: 'advance' | 'pause' | 'resume' | 'rollback') {
    const done = await api('POST', `/api/rollouts/${rollout.id}/${verb}`, RolloutSchema);
    setOutcome(done.ok ? undefined : { ok: false, text: done.error });
    rollouts.reload();
  }

  return (
    <>
      <h1>{t.title}</h1>
      <section aria-labelledby="rollouts-title">
        <h2 id="rollouts-title">{t.rollouts}</h2>
        <Outcome outcome={outcome} />
        <Loaded answer={rollouts.answer}>
          {({ rollouts: list }) => list.length === 0 ? <p>{t.noRollout}</p> : (
            <table>
              <HeaderRow columns={manage ? t.rolloutColumns : withoutActions} />
              <tbody>
                {list.map((rollout, index) => (
                  <tr key={rollout.id}>
                    <th scope="row">{rollout.version}</th>
                    <td>{rollout.fromVersion ?? t.none}</td>
                    <td>{t.stage(rollout.stage + 1, rollout.stages.length, rollout.stages[rollout.stage]?.percent ?? 0)}</td>
                    <td><span className={`badge state-${rollout.state}`}>{t.states[rollout.state]}</span></td>
                    <td><Progress rollout={rollout} /></td>
                    {manage && <td>{index === 0 && <RolloutActions rollout={rollout} act={(verb) => void act(rollout, verb)} />}</td>}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Loaded>
        {manage && releases.answer?.ok && releases.answer.value.releases.length > 0 && (
          <StartRollout versions={releases.answer.value.releases.map((r) => r.version)} onStarted={rollouts.reload} />
        )}
      </section>
      <section aria-labelledby="releases-title">
        <h2 id="releases-title">{t.releases}</h2>
        <Loaded answer={releases.answer}>
          {({ releases: list }) => list.length === 0 ? <p>{t.noRelease}</p> : (
            <table>
              <HeaderRow columns={t.releaseColumns} />
              <tbody>
                {list.map((release) => (
                  <tr key={release.version}>
                    <th scope="row">{release.version}</th>
                    <td>{formatTime(release.releaseDate)}</td>
                    <td>{release.files.map((file) => file.url.split('/').pop()).join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Loaded>
        {manage && (
          <>
            <h3>{t.register}</h3>
            <p>{t.registerExplain}</p>
            <JsonEditor id="release-json" label={t.register} submitLabel={t.registerSubmit} initial={RELEASE_TEMPLATE} rows={8} onSubmit={async (value) => {
              const done = await api('POST', '/api/releases', AnySchema, value);
              releases.reload();
              return done.ok ? { ok: true, text: t.registered((value as { version: string }).version) } : { ok: false, text: done.error };
            }} />
          </>
        )}
      </section>
    </>
  );
}

function Progress({ rollout }: { rollout: Rollout }) {
  const progress = rollout.progress;
  if (!progress) return <>{TEXTS.common.none}</>;
  return (
    <>
      <span>{t.progress(progress.healthy, progress.targeted, progress.waiting, progress.unhealthy)}</span>
      {progress.holding.length > 0 && (
        <details>
          <summary>{t.holding}</summary>
          <ul>{progress.holding.map((kiosk) => <li key={kiosk.id}>{kiosk.name}: {kiosk.why}</li>)}</ul>
        </details>
      )}
    </>
  );
}

function RolloutActions({ rollout, act }: { rollout: Rollout; act: (verb: 'advance' | 'pause' | 'resume' | 'rollback') => void }) {
  const open = rollout.state === 'running' || rollout.state === 'paused';
  return (
    <span className="row">
      {rollout.state === 'running' && <button type="button" className="primary" onClick={() => act('advance')}>{t.advance}</button>}
      {rollout.state === 'running' && <button type="button" onClick={() => act('pause')}>{t.pause}</button>}
      {rollout.state === 'paused' && <button type="button" onClick={() => act('resume')}>{t.resume}</button>}
      {(open || rollout.state === 'complete') && rollout.fromVersion && (
        <ConfirmButton label={t.rollback} question={t.rollbackQuestion(rollout.fromVersion)} onConfirm={() => act('rollback')} />
      )}
    </span>
  );
}

/** Stages typed as "10, 50, 100": each a share of the kiosks (of the groups, if named), widening. */
function StartRollout({ versions, onStarted }: { versions: string[]; onStarted: () => void }) {
  const [version, setVersion] = useState(versions[0] ?? '');
  const [stages, setStages] = useState('10, 50, 100');
  const [groups, setGroups] = useState('');
  const [healthMinutes, setHealthMinutes] = useState(30);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string }>();

  async function start() {
    const percents = stages.split(',').map((part) => Number(part.trim()));
    if (percents.some((p, i) => !Number.isInteger(p) || p < 1 || p > 100 || (i > 0 && p <= percents[i - 1]!))) return setOutcome({ ok: false, text: t.badStages });
    const named = groups.split(',').map((g) => g.trim()).filter(Boolean);
    const body = { version, healthMinutes, stages: percents.map((percent) => (named.length ? { percent, groups: named } : { percent })) };
    const done = await api('POST', '/api/rollouts', AnySchema, body);
    setOutcome(done.ok ? { ok: true, text: t.started(version) } : { ok: false, text: done.error });
    onStarted();
  }

  return (
    <form className="stack" aria-labelledby="start-title" onSubmit={(event) => { event.preventDefault(); void start(); }}>
      <h3 id="start-title">{t.start}</h3>
      <label>{t.version}
        <select value={version} onChange={(e) => setVersion(e.target.value)}>{versions.map((v) => <option key={v}>{v}</option>)}</select>
      </label>
      <label>{t.stages}<input value={stages} onChange={(e) => setStages(e.target.value)} required /></label>
      <label>{t.groups}<input value={groups} onChange={(e) => setGroups(e.target.value)} /></label>
      <label>{t.healthMinutes}<input type="number" min={0} max={10080} value={healthMinutes} onChange={(e) => setHealthMinutes(Number(e.target.value))} required /></label>
      <Outcome outcome={outcome} />
      <button type="submit" className="primary">{t.startSubmit}</button>
    </form>
  );
}
