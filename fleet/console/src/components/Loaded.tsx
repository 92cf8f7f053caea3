import type { ReactNode } from 'react';
import type { ApiAnswer } from '../api/client';
import { TEXTS } from '../texts';

/** Renders an answer's value, or says plainly why there is none: still loading, missing route, refusal. */
export function Loaded<T>({ answer, children }: { answer: ApiAnswer<T> | undefined; children: (value: T) => ReactNode }) {
  if (!answer) return <p role="status">{TEXTS.common.loading}</p>;
  if (!answer.ok) return <Problem answer={answer} />;
  return <>{children(answer.value)}</>;
}

export function Problem({ answer }: { answer: Extract<ApiAnswer<unknown>, { ok: false }> }) {
  if (answer.kind === 'unavailable') return <p className="note unavailable" data-unavailable>{TEXTS.common.unavailable}</p>;
  return <p className="note error" role="alert">{TEXTS.common.failed(answer.error)}</p>;
}

/** The outcome of an action, read out by screen readers: green on success, an alert on refusal. */
export function Outcome({ outcome }: { outcome: { ok: boolean; text: string } | undefined }) {
  if (!outcome) return null;
  return outcome.ok ? <p className="note ok" role="status">{outcome.text}</p> : <p className="note error" role="alert">{outcome.text}</p>;
}
