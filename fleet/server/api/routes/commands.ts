import { z } from 'zod';
import { CommandNameSchema } from '../../../../common/fleet-messages';
import { COMMAND_DELIVERIES, COMMAND_STATES } from '../../store/schema';
import type { ApiDeps } from '../deps';
import { HttpError } from '../errors';
import { MAY } from '../roles';
import { defineRoute, type RouteDefinition } from '../route';
import { existing, KioskParams } from './kiosks';

const CommandBody = z.object({
  name: CommandNameSchema,
  delivery: z.enum(COMMAND_DELIVERIES),
  /** A queued command waits at most a week: a kiosk back after that should not reboot for an old reason. */
  expiresInMinutes: z.number().int().min(1).max(7 * 24 * 60).default(60),
}).strict();

export const CommandAnswer = z.object({
  id: z.string(),
  kiosk_id: z.string(),
  name: z.string(),
  delivery: z.enum(COMMAND_DELIVERIES),
  state: z.enum(COMMAND_STATES),
  created_by: z.string(),
  created_at: z.string(),
  expires_at: z.string(),
  sent_at: z.string().nullable(),
  result_at: z.string().nullable(),
  error: z.string().nullable(),
  attachment: z.string().nullable(),
});

/** Commands to one kiosk: issued from the console, delivered over MQTT, their results back through ingest. */
export function commandRoutes(deps: ApiDeps): RouteDefinition[] {
  return [
    defineRoute({
      method: 'POST',
      url: '/api/kiosks/:id/commands',
      summary: 'Send a command: online-only (refused with 409 when the kiosk is not online) or queued until it expires',
      access: { roles: MAY.commandKiosk },
      auditAction: 'command.issue',
      kioskParam: 'id',
      params: KioskParams,
      body: CommandBody,
      success: { status: 201, schema: CommandAnswer },
      async handler({ params, body, caller, audit }) {
        const kiosk = await existing(deps, params.id);
        audit.detail = `${body.name}, ${body.delivery}`;
        if (kiosk.state !== 'approved') throw new HttpError(409, `kiosk ${params.id} is ${kiosk.state}: only an approved kiosk takes commands`);
        const by = caller.kind === 'account' ? caller.account.id : 'unknown';
        const command = await deps.outbound.issue({ kioskId: params.id, name: body.name, delivery: body.delivery, expiresInMinutes: body.expiresInMinutes, by });
        if (!command) throw new HttpError(409, `kiosk ${params.id} is not online: send the command queued, or wait until it is heard from`);
        audit.detail = `${body.name}, ${body.delivery}, command ${command.id}`;
        return command;
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/kiosks/:id/commands',
      summary: "A kiosk's commands, newest first, with their state, result and error",
      access: { roles: MAY.readFleet },
      params: KioskParams,
      success: { status: 200, schema: z.object({ commands: z.array(CommandAnswer) }) },
      async handler({ params }) {
        await existing(deps, params.id);
        return { commands: await deps.store.commands.list(params.id) };
      },
    }),
  ];
}
