import { useState } from 'react';
import { api } from '../api/client';
import { EnrolmentTokenSchema } from '../api/shapes';
import { Outcome } from '../components/Loaded';
import { formatTime } from '../components/TimeAgo';
import { TEXTS } from '../texts';

/** Makes a one-time token and shows it once, with the command that enrols a kiosk against this server. */
export function Enrolment() {
  const t = TEXTS.enrolment;
  const [minutes, setMinutes] = useState(60);
  const [token, setToken] = useState<{ token: string; expiresAt: string }>();
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string }>();

  async function create() {
    const done = await api('POST', '/api/enrolment-tokens', EnrolmentTokenSchema, { expiresInMinutes: minutes });
    if (done.ok) {
      setToken(done.value);
      setOutcome(undefined);
    } else setOutcome({ ok: false, text: TEXTS.common.failed(done.error) });
  }

  return (
    <>
      <h1>{t.title}</h1>
      <p>{t.explain}</p>
      <form className="row" onSubmit={(event) => { event.preventDefault(); void create(); }}>
        <label>{t.expires}
          <input type="number" min={1} max={10080} value={minutes} onChange={(e) => setMinutes(Number(e.target.value))} required />
        </label>
        <button type="submit" className="primary">{t.create}</button>
      </form>
      <Outcome outcome={outcome} />
      {token && (
        <section className="token" aria-labelledby="token-title" data-token>
          <h2 id="token-title">{t.token}</h2>
          <p role="status">{t.shownOnce} {t.expiresAt(formatTime(token.expiresAt))}</p>
          <Copyable label={t.token} text={token.token} />
          <Copyable label={t.command} text={`npm start -- --fleet ${location.origin} --enrol ${token.token}`} />
        </section>
      )}
    </>
  );
}

/** A read-only field, so the text can be selected by hand too, and a button that copies it. */
function Copyable({ label, text }: { label: string; text: string }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    await navigator.clipboard.writeText(text).catch(() => undefined);
    setCopied(true);
  }
  return (
    <div className="copyable">
      <label>{label}<input readOnly value={text} size={Math.min(100, text.length)} onFocus={(e) => e.target.select()} /></label>
      <button type="button" onClick={() => void copy()} aria-label={`${TEXTS.common.copy}: ${label}`}>{copied ? TEXTS.common.copied : TEXTS.common.copy}</button>
    </div>
  );
}
