import { z } from 'zod';
import { DEFAULT_WEBHOOK_POLICY } from '../../alerts/delivery';
import { testNotice } from '../../alerts/notice';
import { AlertNotifier, DeliveryStatusSchema, lastDeliveries } from '../../alerts/notifier';
import { AlertSettingsInputSchema, loadAlertSettings, publicAlertSettings, PublicAlertSettingsSchema, saveAlertSettings, type AlertSettings } from '../../alerts/settings';
import type { ApiDeps } from '../deps';
import { HttpError } from '../errors';
import { MAY } from '../roles';
import { defineRoute, type RouteDefinition } from '../route';

const OutcomeAnswer = z.object({ ok: z.boolean(), attempts: z.number(), error: z.string().optional() }).nullable();
/** The settings with, read-only, the last delivery on each channel, so a broken webhook shows where it is set. */
const SettingsAnswer = PublicAlertSettingsSchema.extend({
  delivery: z.object({ webhook: DeliveryStatusSchema.nullable(), email: DeliveryStatusSchema.nullable() }),
});

async function settingsAnswer(deps: ApiDeps, settings?: AlertSettings) {
  return { ...publicAlertSettings(settings ?? (await loadAlertSettings(deps.store))), delivery: await lastDeliveries(deps.store) };
}

export function alertSettingRoutes(deps: ApiDeps): RouteDefinition[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/alert-settings',
      summary: 'The alert rules, the webhook and SMTP settings (never the SMTP password) and the last delivery on each',
      access: { roles: MAY.readAlertSettings },
      success: { status: 200, schema: SettingsAnswer },
      handler: () => settingsAnswer(deps),
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/alert-settings',
      summary: 'Replace the alert settings; an SMTP password left out keeps the stored one, null removes it',
      access: { roles: MAY.manageAlertSettings },
      auditAction: 'alert-settings.change',
      body: AlertSettingsInputSchema,
      success: { status: 200, schema: SettingsAnswer },
      async handler({ body, audit }) {
        const enabled = Object.entries(body.rules).filter(([, rule]) => rule.enabled).map(([name]) => name);
        audit.detail = `rules on: ${enabled.join(', ') || 'none'}; webhook ${body.webhook ? 'set' : 'off'}; email ${body.smtp ? 'set' : 'off'}`;
        return settingsAnswer(deps, await saveAlertSettings(deps.store, body));
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/alert-settings/test',
      summary: 'Send a test notification to the webhook and by email, once each, and say how each went',
      access: { roles: MAY.manageAlertSettings },
      auditAction: 'alert-settings.test',
      success: { status: 200, schema: z.object({ webhook: OutcomeAnswer, email: OutcomeAnswer }) },
      async handler({ request, audit }) {
        const settings = await loadAlertSettings(deps.store);
        if (!settings.webhook && !settings.smtp) throw new HttpError(409, 'neither a webhook nor SMTP is configured: nothing to test');
        const notifier = new AlertNotifier({ store: deps.store, now: deps.now, log: { warn: (message) => request.log.warn(message) } });
        // One try: an administrator waiting on the button wants the answer, not the retries.
        const outcome = await notifier.deliver(testNotice(deps.now().toISOString()), settings, { ...DEFAULT_WEBHOOK_POLICY, attempts: 1 });
        const said = (channel: 'webhook' | 'email') => { const o = outcome[channel]; return o ? `${channel} ${o.ok ? 'ok' : `failed: ${o.error}`}` : undefined; };
        audit.detail = [said('webhook'), said('email')].filter(Boolean).join('; ');
        return outcome;
      },
    }),
  ];
}
