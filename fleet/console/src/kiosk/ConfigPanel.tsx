import { z } from 'zod';
import { api } from '../api/client';
import { ConfigStateSchema } from '../api/shapes';
import { useLoad } from '../api/useLoad';
import { JsonEditor, type EditorOutcome } from '../components/JsonEditor';
import { Loaded } from '../components/Loaded';
import { TEXTS } from '../texts';

/** The answer's version, wherever the server puts it (`{version}` or `{desired:{version}}`). */
const PushedSchema = z.object({ version: z.number().optional(), desired: z.object({ version: z.number() }).nullable().optional() }).passthrough();

/**
 * Desired against reported configuration, and a JSON editor to push a new one. The server validates
 * with the kiosk-config schema; its refusal names the field, and is shown as it is.
 */
export function ConfigPanel({ kioskId, canPush }: { kioskId: string; canPush: boolean }) {
  const { answer, reload } = useLoad(() => api('GET', `/api/kiosks/${kioskId}/config`, ConfigStateSchema), [kioskId]);
  const t = TEXTS.config;
  return (
    <section aria-labelledby="config-title">
      <h2 id="config-title">{t.title}</h2>
      <Loaded answer={answer}>
        {({ desired, reported }) => (
          <>
            <p data-config-versions>
              {t.desired(desired?.version ?? null)} · {t.reported(reported?.version ?? null)}
            </p>
            {reported?.error && <p className="note error">{t.reportedError(reported.error)}</p>}
            {canPush ? <Editor kioskId={kioskId} initial={desired?.config} onPushed={reload} /> : desired && <pre className="json">{JSON.stringify(desired.config, null, 2)}</pre>}
          </>
        )}
      </Loaded>
    </section>
  );
}

function Editor({ kioskId, initial, onPushed }: { kioskId: string; initial: unknown; onPushed: () => void }) {
  const t = TEXTS.config;
  async function push(config: unknown): Promise<EditorOutcome> {
    const done = await api('PUT', `/api/kiosks/${kioskId}/config`, PushedSchema, { config });
    if (!done.ok) return { ok: false, text: done.kind === 'unavailable' ? TEXTS.common.unavailable : t.refused(done.error) };
    onPushed();
    return { ok: true, text: t.pushed(done.value.version ?? done.value.desired?.version) };
  }
  return <JsonEditor id="config-editor" label={t.editor} submitLabel={t.push} initial={initial} onSubmit={push} />;
}
