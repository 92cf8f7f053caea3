import { api } from '../api/client';
import { AnySchema } from '../api/shapes';
import { useLoad } from '../api/useLoad';
import { JsonEditor } from '../components/JsonEditor';
import { Loaded } from '../components/Loaded';
import { TEXTS } from '../texts';

/**
 * The alert rules, webhook and SMTP settings as JSON (GET/PUT /api/alert-settings): the server checks
 * them and names the field it refuses, as it does for a kiosk's configuration.
 */
export function AlertSettings() {
  const t = TEXTS.alertSettings;
  const { answer, reload } = useLoad(() => api('GET', '/api/alert-settings', AnySchema), []);
  async function save(value: unknown) {
    const done = await api('PUT', '/api/alert-settings', AnySchema, value);
    if (!done.ok) return { ok: false, text: TEXTS.config.refused(done.error) };
    reload();
    return { ok: true, text: t.saved };
  }
  return (
    <section aria-labelledby="alert-settings-title">
      <h2 id="alert-settings-title">{t.title}</h2>
      <Loaded answer={answer}>
        {(settings) => <JsonEditor id="alert-settings" label={t.editor} submitLabel={t.save} initial={settings} rows={10} onSubmit={save} />}
      </Loaded>
    </section>
  );
}
