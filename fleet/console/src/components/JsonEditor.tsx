import { useEffect, useState } from 'react';
import { TEXTS } from '../texts';
import { Outcome } from './Loaded';

export type EditorOutcome = { ok: boolean; text: string };

/**
 * A JSON textarea with its submit button: text that does not parse is refused here, with the parser's
 * reason; what parses goes to `onSubmit`, whose outcome (the server's refusal naming the field) is shown.
 */
export function JsonEditor({ id, label, submitLabel, initial, rows = 14, onSubmit }: {
  id: string;
  label: string;
  submitLabel: string;
  initial: unknown;
  rows?: number;
  onSubmit: (value: unknown) => Promise<EditorOutcome>;
}) {
  const shown = (value: unknown) => (value === undefined ? '{\n}' : JSON.stringify(value, null, 2));
  const [text, setText] = useState(() => shown(initial));
  const [outcome, setOutcome] = useState<EditorOutcome>();
  useEffect(() => setText(shown(initial)), [initial]);

  async function submit() {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      return setOutcome({ ok: false, text: TEXTS.config.notJson((error as Error).message) });
    }
    setOutcome(await onSubmit(value));
  }
  return (
    <form onSubmit={(event) => { event.preventDefault(); void submit(); }}>
      <label htmlFor={id}>{label}</label>
      <textarea id={id} className="json" spellCheck={false} rows={rows} value={text} onChange={(e) => setText(e.target.value)} />
      <Outcome outcome={outcome} />
      <button type="submit" className="primary">{submitLabel}</button>
    </form>
  );
}
