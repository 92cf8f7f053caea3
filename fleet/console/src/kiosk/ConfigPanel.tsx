import { useEffect, useState } from 'react';
import { z } from 'zod';
import { api } from '../api/client';
import { ConfigStateSchema } from '../api/shapes';
import { useLoad } from '../api/useLoad';
import { Loaded, Outcome } from '../components/Loaded';
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
  const [text, setText] = useState(() => (initial === undefined ? '{\n}' : JSON.stringify(initial, null, 2)));
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string }>();
  useEffect(() => setText(initial === undefined ? '{\n}' : JSON.stringify(initial, null, 2)), [initial]);

  async function push() {
    let config: unknown;
    try {
      config = JSON.parse(text);
    } catch (error) {
      return setOutcome({ ok: false, text: t.notJson((error as Error).message) });
    }
    const done = await api('PUT', `/api/kiosks/${kioskId}/config`, PushedSchema, { config });
    if (!done.ok) return setOutcome({ ok: false, text: done.kind === 'unavailable' ? TEXTS.common.unavailable : t.refused(done.error) });
    setOutcome({ ok: true, text: t.pushed(done.value.version ?? done.value.desired?.version) });
    onPushed();
  }
  return (
    <form onSubmit={(event) => { event.preventDefault(); void push(); }}>
      <label htmlFor="config-editor">{t.editor}</label>
      <textarea id="config-editor" className="json" spellCheck={false} rows={14} value={text} onChange={(e) => setText(e.target.value)} />
      <Outcome outcome={outcome} />
      <button type="submit" className="primary">{t.push}</button>
    </form>
  );
}
