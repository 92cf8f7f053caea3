import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { ApiDeps } from '../deps';
import { HttpError } from '../errors';
import { MAY } from '../roles';
import { defineRoute, type RouteDefinition } from '../route';
import { existing } from './kiosks';

/** A screenshot or a compressed log bundle; anything bigger is refused before it is read whole. */
export const ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Which command may bring which file, and how it is stored and served. */
const KINDS: Record<string, { extension: string; type: string }> = {
  screenshot: { extension: 'png', type: 'image/png' },
  'collect-logs': { extension: 'logs', type: 'application/octet-stream' },
};

/**
 * A screenshot or a log bundle is too big for an MQTT message: the kiosk uploads it over HTTPS with its
 * credential, and the console downloads it. The file is named by the command id, never by the kiosk.
 */
export function attachmentRoutes(deps: ApiDeps): RouteDefinition[] {
  return [
    defineRoute({
      method: 'POST',
      url: '/api/kiosk/commands/:commandId/attachment',
      summary: "A kiosk uploads its screenshot (PNG) or log bundle for one of its commands (5 MB at most)",
      access: { kiosk: true },
      auditAction: 'command.attachment',
      params: z.object({ commandId: z.uuid() }),
      rawBody: { maxBytes: ATTACHMENT_MAX_BYTES },
      success: { status: 201, schema: z.object({ stored: z.number() }) },
      async handler({ params, body, caller, audit }) {
        if (caller.kind !== 'kiosk') throw new HttpError(401, 'a kiosk credential is needed');
        const command = await deps.store.commands.byId(params.commandId);
        if (!command || command.kiosk_id !== caller.kiosk.id) throw new HttpError(404, `no command ${params.commandId} for this kiosk`);
        audit.kioskId = caller.kiosk.id;
        const kind = KINDS[command.name];
        if (!kind) throw new HttpError(409, `a ${command.name} command has no attachment`);
        const bytes = body as Buffer;
        if (kind.type === 'image/png' && !bytes.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE)) throw new HttpError(400, 'body: a screenshot must be a PNG');
        await mkdir(deps.attachmentsDir, { recursive: true, mode: 0o700 });
        const fileName = `${command.id}.${kind.extension}`;
        await writeFile(path.join(deps.attachmentsDir, fileName), bytes, { mode: 0o600 });
        await deps.store.commands.attach(command.id, fileName);
        audit.detail = `command ${command.id}, ${bytes.length} bytes`;
        return { stored: bytes.length };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/kiosks/:id/commands/:commandId/attachment',
      summary: "Download what a kiosk uploaded with a command's result",
      access: { roles: MAY.commandKiosk },
      params: z.object({ id: z.uuid(), commandId: z.uuid() }),
      success: { status: 200, schema: z.unknown() },
      async handler({ params, reply }) {
        await existing(deps, params.id);
        const command = await deps.store.commands.byId(params.commandId);
        if (!command || command.kiosk_id !== params.id || !command.attachment) throw new HttpError(404, 'this command has no attachment');
        const kind = KINDS[command.name];
        void reply.header('content-type', kind?.type ?? 'application/octet-stream');
        void reply.header('content-disposition', `attachment; filename="${command.attachment}"`);
        return readFile(path.join(deps.attachmentsDir, path.basename(command.attachment)));
      },
    }),
  ];
}
