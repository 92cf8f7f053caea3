import {
  CommandResultSchema, FLEET_MESSAGE_MAX_BYTES, KioskGoneSchema, KioskStatusSchema, parseKioskTopic, ReportedConfigSchema, type KioskTopicLeaf,
} from '../../../common/fleet-messages';
import type { KioskView } from '../store/kiosks';
import { storeCommandResult, storeEvents } from './events';
import { Refused, valid, type IngestDeps } from './valid';

/**
 * Everything kiosks publish comes through here, once per message: the topic names the kiosk (the broker's
 * ACL made sure it is the sender's own), the kiosk must exist and not be revoked, and the payload must
 * pass its schema. Any refusal is counted and logged with its reason; nothing a kiosk sends can throw out.
 */
export function ingest(deps: IngestDeps) {
  const handlers: Partial<Record<KioskTopicLeaf, (kiosk: KioskView, payload: unknown, retained: boolean) => Promise<void>>> = {
    status: async (kiosk, payload, retained) => {
      // A retained status is the broker replaying an old one to the server's new subscription: it says
      // nothing about when the kiosk was last heard from.
      if (retained) return;
      // The two shapes are told apart by `online` first, so a refusal names the field that is wrong.
      const gone = (payload as { online?: unknown } | null)?.online === false;
      const message = gone ? valid(KioskGoneSchema, payload, 'last will') : valid(KioskStatusSchema, payload, 'status');
      if (!message.online) {
        await deps.store.audit.append({ at: deps.now().toISOString(), actor: `kiosk:${kiosk.id}`, action: 'kiosk.connection-lost', kiosk_id: kiosk.id, result: 'ok', detail: 'last will' });
        await deps.store.commands.requeueUnanswered(kiosk.id);
        return;
      }
      await deps.store.status.save(kiosk.id, message, deps.now().toISOString());
      await deps.outbound.deliverQueued(kiosk.id);
    },
    events: async (kiosk, payload) => {
      const { keys, invalid } = await storeEvents(deps, kiosk.id, payload);
      if (invalid > 0) deps.refusals.note(`${invalid} invalid outbox entr${invalid === 1 ? 'y' : 'ies'}`, `kiosk/${kiosk.id}/events`);
      if (keys.length > 0) await deps.outbound.ack(kiosk.id, keys);
    },
    'config/reported': async (kiosk, payload) => {
      const reported = valid(ReportedConfigSchema, payload, 'config/reported');
      await deps.store.configs.reported(kiosk.id, reported.version, reported.error ?? null);
      await deps.store.audit.append({
        at: deps.now().toISOString(), actor: `kiosk:${kiosk.id}`, action: 'config.reported', kiosk_id: kiosk.id,
        result: reported.error ? `failed: ${reported.error}` : 'ok', detail: `version ${reported.version}`,
      });
    },
    'commands/result': async (kiosk, payload) => {
      await storeCommandResult(deps, kiosk.id, valid(CommandResultSchema, payload, 'commands/result'));
    },
  };

  return async function handle(topic: string, payload: Buffer, retained: boolean): Promise<void> {
    try {
      const parsed = parseKioskTopic(topic);
      const handler = parsed ? handlers[parsed.leaf] : undefined;
      if (!parsed || !handler) throw new Refused('not a topic kiosks publish on');
      if (payload.length > FLEET_MESSAGE_MAX_BYTES) throw new Refused('payload too large');
      const kiosk = await deps.store.kiosks.byId(parsed.kioskId);
      if (!kiosk) throw new Refused('unknown kiosk');
      if (kiosk.state === 'revoked') throw new Refused('revoked kiosk');
      if (kiosk.state === 'pending' && parsed.leaf !== 'status') throw new Refused('pending kiosk may only send its status');
      await handler(kiosk, json(payload), retained);
    } catch (error) {
      deps.refusals.note(error instanceof Refused ? error.message : `failed: ${(error as Error).message.slice(0, 200)}`, topic);
    }
  };
}

function json(payload: Buffer): unknown {
  if (payload.length === 0) throw new Refused('empty payload');
  try {
    return JSON.parse(payload.toString('utf8')) as unknown;
  } catch {
    throw new Refused('malformed JSON');
  }
}
