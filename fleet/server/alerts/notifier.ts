import { z } from 'zod';
import type { FleetStore } from '../store/store';
import { DEFAULT_WEBHOOK_POLICY, postWebhook, sendNoticeEmail, type DeliveryOutcome, type WebhookPolicy } from './delivery';
import type { AlertNotice } from './notice';
import { loadAlertSettings, type AlertSettings } from './settings';

export const NOTIFY_CHANNELS = ['webhook', 'email'] as const;
export type NotifyChannel = (typeof NOTIFY_CHANNELS)[number];

/** The last delivery on a channel, as the settings page shows it. */
export const DeliveryStatusSchema = z.object({
  at: z.string(),
  event: z.string(),
  ok: z.boolean(),
  attempts: z.number(),
  error: z.string().optional(),
});
export type DeliveryStatus = z.infer<typeof DeliveryStatusSchema>;

export interface NotifierLog {
  warn(message: string): void;
}

export interface NotifierOptions {
  store: FleetStore;
  now: () => Date;
  log: NotifierLog;
  webhook?: WebhookPolicy;
  emailTimeoutMs?: number;
}

/**
 * Sends each raised or cleared alert to the webhook and by email, whichever are configured, in the
 * background: `notify` returns at once so a slow or dead endpoint never holds the evaluation up.
 * Failures are logged and kept as the channel's last delivery status.
 */
export class AlertNotifier {
  private readonly pending = new Set<Promise<unknown>>();

  constructor(private readonly options: NotifierOptions) {}

  notify(notice: AlertNotice): void {
    const delivery = this.deliver(notice).then(() => undefined, (error: unknown) => this.options.log.warn(`alert notification failed: ${String(error)}`));
    this.pending.add(delivery);
    void delivery.finally(() => this.pending.delete(delivery));
  }

  /** Resolves once every notification started so far has finished (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.all(this.pending);
  }

  /** Delivers now on every configured channel and records each outcome; null for a channel not configured. */
  async deliver(notice: AlertNotice, settings?: AlertSettings, webhookPolicy = this.options.webhook ?? DEFAULT_WEBHOOK_POLICY): Promise<Record<NotifyChannel, DeliveryOutcome | null>> {
    const { webhook, smtp } = settings ?? (await loadAlertSettings(this.options.store));
    const timeoutMs = this.options.emailTimeoutMs ?? webhookPolicy.timeoutMs;
    const [webhookOutcome, emailOutcome] = await Promise.all([
      webhook ? this.recorded('webhook', notice, postWebhook(webhook.url, notice, webhookPolicy)) : null,
      smtp ? this.recorded('email', notice, sendNoticeEmail(smtp, notice, timeoutMs)) : null,
    ]);
    return { webhook: webhookOutcome, email: emailOutcome };
  }

  private async recorded(channel: NotifyChannel, notice: AlertNotice, delivery: Promise<DeliveryOutcome>): Promise<DeliveryOutcome> {
    const outcome = await delivery;
    if (!outcome.ok) this.options.log.warn(`alert ${channel} failed after ${outcome.attempts} attempt(s): ${outcome.error}`);
    const status: DeliveryStatus = { at: this.options.now().toISOString(), event: notice.event, ...outcome };
    await this.options.store.settings.put(deliverySettingName(channel), JSON.stringify(status));
    return outcome;
  }
}

const deliverySettingName = (channel: NotifyChannel) => `alerts.delivery.${channel}`;

/** Each channel's last delivery, or null when nothing was sent on it yet. */
export async function lastDeliveries(store: FleetStore): Promise<Record<NotifyChannel, DeliveryStatus | null>> {
  const read = async (channel: NotifyChannel) => (await store.settings.parsed(deliverySettingName(channel), DeliveryStatusSchema)) ?? null;
  return { webhook: await read('webhook'), email: await read('email') };
}
