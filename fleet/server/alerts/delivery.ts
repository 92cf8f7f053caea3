import { setTimeout as sleep } from 'node:timers/promises';
import nodemailer from 'nodemailer';
import { noticeEmail, type AlertNotice } from './notice';
import type { SmtpSettings } from './settings';

/** How one channel's delivery went; `error` is short and holds no secret (no URL, no password). */
export type DeliveryOutcome = { ok: true; attempts: number } | { ok: false; attempts: number; error: string };

export interface WebhookPolicy {
  timeoutMs: number;
  /** Tries in all, the first included. */
  attempts: number;
  /** Wait before the second try; doubled before each next one. */
  backoffMs: number;
}
export const DEFAULT_WEBHOOK_POLICY: WebhookPolicy = { timeoutMs: 5_000, attempts: 4, backoffMs: 2_000 };

/** POSTs the notice as JSON; anything but a 2xx answer, a timeout or a network error is tried again after a pause. */
export async function postWebhook(url: string, notice: AlertNotice, policy: WebhookPolicy): Promise<DeliveryOutcome> {
  let error = 'not tried';
  for (let attempt = 1; attempt <= policy.attempts; attempt++) {
    if (attempt > 1) await sleep(policy.backoffMs * 2 ** (attempt - 2));
    try {
      const answer = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(notice),
        signal: AbortSignal.timeout(policy.timeoutMs),
        // A redirect could send the alert somewhere an administrator did not choose.
        redirect: 'error',
      });
      await answer.body?.cancel();
      if (answer.ok) return { ok: true, attempts: attempt };
      error = `HTTP ${answer.status}`;
    } catch (caught) {
      error = networkReason(caught);
    }
  }
  return { ok: false, attempts: policy.attempts, error };
}

/** Sends the notice by SMTP, once: a mail server queues and retries on its own. */
export async function sendNoticeEmail(smtp: SmtpSettings, notice: AlertNotice, timeoutMs: number): Promise<DeliveryOutcome> {
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.password ?? '' } } : {}),
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  try {
    await transport.sendMail({ from: smtp.from, to: smtp.to, ...noticeEmail(notice) });
    return { ok: true, attempts: 1 };
  } catch (caught) {
    return { ok: false, attempts: 1, error: networkReason(caught) };
  } finally {
    transport.close();
  }
}

/** fetch says "fetch failed" and hides the reason in `cause`; nodemailer puts the server's answer in the message. */
function networkReason(caught: unknown): string {
  const cause = (caught as { cause?: { code?: string; message?: string } }).cause;
  const text = cause?.code ?? cause?.message ?? (caught instanceof Error ? `${caught.name === 'TimeoutError' ? 'timed out: ' : ''}${caught.message}` : String(caught));
  return text.slice(0, 300);
}
