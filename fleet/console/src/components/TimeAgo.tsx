import { CONSOLE_LOCALE, TEXTS } from '../texts';

/** "3 min ago", with the exact time on hover and for assistive technology through <time>. */
export function TimeAgo({ at, now = Date.now() }: { at: string | null | undefined; now?: number }) {
  if (!at) return <>{TEXTS.common.never}</>;
  const minutes = Math.max(0, Math.floor((now - Date.parse(at)) / 60_000));
  return <time dateTime={at} title={formatTime(at)}>{TEXTS.common.ago(minutes)}</time>;
}

export function formatTime(at: string | null | undefined): string {
  if (!at) return TEXTS.common.none;
  return new Date(at).toLocaleString(CONSOLE_LOCALE, { dateStyle: 'medium', timeStyle: 'short' });
}
