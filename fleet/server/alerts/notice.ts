import type { Alert } from '../store/alerts';

/** What a webhook receives (as JSON) and an email says: the alert, the kiosk's name, nothing personal. */
export interface AlertNotice {
  event: 'raised' | 'cleared' | 'test';
  at: string;
  alert: {
    id: number;
    kioskId: string | null;
    kioskName: string | null;
    rule: string;
    detail: string | null;
    raisedAt: string;
    clearedAt: string | null;
  } | null;
}

export function alertNotice(event: 'raised' | 'cleared', alert: Alert, kioskName: string | null, at: string): AlertNotice {
  return {
    event,
    at,
    alert: { id: alert.id, kioskId: alert.kiosk_id, kioskName, rule: alert.rule, detail: alert.detail, raisedAt: alert.raised_at, clearedAt: alert.cleared_at },
  };
}

export function testNotice(at: string): AlertNotice {
  return { event: 'test', at, alert: null };
}

/** The email's subject and plain text. */
export function noticeEmail(notice: AlertNotice): { subject: string; text: string } {
  const { alert } = notice;
  if (!alert) {
    return { subject: '[Borne] test notification', text: `A test notification from the Borne fleet server, sent ${notice.at}.\n` };
  }
  const where = alert.kioskName ?? alert.kioskId ?? 'the fleet';
  const lines = [
    `Alert ${notice.event}: ${alert.rule} on ${where}`,
    alert.detail ? `Detail: ${alert.detail}` : undefined,
    `Raised: ${alert.raisedAt}`,
    alert.clearedAt ? `Cleared: ${alert.clearedAt}` : undefined,
    alert.kioskId ? `Kiosk id: ${alert.kioskId}` : undefined,
  ].filter((line) => line !== undefined);
  return { subject: `[Borne] ${notice.event === 'raised' ? 'alert' : 'cleared'}: ${alert.rule} on ${where}`, text: `${lines.join('\n')}\n` };
}
