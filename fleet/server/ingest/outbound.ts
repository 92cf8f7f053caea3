import { randomUUID } from 'node:crypto';
import { kioskTopic, type DesiredConfig, type EventsAck, type FleetCommand } from '../../../common/fleet-messages';
import type { Publish } from '../broker/link';
import type { CommandRow } from '../store/commands';
import type { CommandDelivery } from '../store/schema';
import type { FleetStore } from '../store/store';

export interface OutboundDeps {
  store: FleetStore;
  publish: Publish;
  now: () => Date;
  onlineWindowMs: number;
}

/** The one meaning of "online": a status heard within the window, never only a socket left open. */
export function heardRecently(heardAt: string | undefined, now: Date, windowMs: number): boolean {
  return heardAt !== undefined && now.getTime() - Date.parse(heardAt) < windowMs;
}

/** What the server says to kiosks: desired configurations, commands, acknowledgements. */
export function outbound(deps: OutboundDeps) {
  const { store, publish, now } = deps;
  const sendCommand = async (row: CommandRow) => {
    const command: FleetCommand = { id: row.id, name: row.name as FleetCommand['name'], expiresAt: row.expires_at };
    await publish(kioskTopic(row.kiosk_id, 'commands'), command, { retain: false });
    await store.commands.sent(row.id, now().toISOString());
  };
  const self = {
    async isOnline(kioskId: string): Promise<boolean> {
      return heardRecently((await store.status.latest(kioskId))?.heardAt, now(), deps.onlineWindowMs);
    },
    async pushConfig(kioskId: string, desired: DesiredConfig): Promise<void> {
      await publish(kioskTopic(kioskId, 'config/desired'), desired, { retain: true });
    },
    /** The embedded broker keeps retained messages in memory: after a restart, each desired configuration is said again. */
    async republishConfigs(): Promise<void> {
      for (const stored of await store.configs.allLatest()) await self.pushConfig(stored.kioskId, { version: stored.version, config: stored.config });
    },
    async ack(kioskId: string, keys: string[]): Promise<void> {
      const ack: EventsAck = { keys };
      await publish(kioskTopic(kioskId, 'events/ack'), ack, { retain: false });
    },
    /**
     * Issues a command: sent now when the kiosk is online; otherwise an online-only one is refused
     * (null) and a queued one waits for the kiosk's next status.
     */
    async issue(input: { kioskId: string; name: string; delivery: CommandDelivery; expiresInMinutes: number; by: string }): Promise<CommandRow | null> {
      const online = await self.isOnline(input.kioskId);
      if (!online && input.delivery === 'online-only') return null;
      const at = now();
      const row: CommandRow = {
        id: randomUUID(), kiosk_id: input.kioskId, name: input.name, delivery: input.delivery, state: 'queued', created_by: input.by,
        created_at: at.toISOString(), expires_at: new Date(at.getTime() + input.expiresInMinutes * 60_000).toISOString(),
        sent_at: null, result_at: null, error: null, attachment: null,
      };
      await store.commands.create(row);
      if (online) await sendCommand(row);
      return (await store.commands.byId(row.id)) ?? row;
    },
    /** The kiosk was heard from: whatever is queued for it and not expired goes now. */
    async deliverQueued(kioskId: string): Promise<void> {
      for (const row of await store.commands.deliverable(kioskId, now().toISOString())) await sendCommand(row);
    },
  };
  return self;
}

export type Outbound = ReturnType<typeof outbound>;
