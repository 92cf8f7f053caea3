import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import { FLEET_MESSAGE_MAX_BYTES, kioskTopic, kioskTopicPrefix, type KioskTopicLeaf } from '../../common/fleet-messages';
import { errorMessage } from '../../common/error-message';
import type { Logger } from '../log';
import type { Enrolment } from './enrolment';
import { jitteredDelayMs } from './reconnect-delay';

export interface BrokerLinkOptions {
  enrolment: Enrolment;
  log: Logger;
  /** After every connection, the first as each reconnection; the broker has the kiosk's session again. */
  onConnect(): void;
  onMessage(leaf: KioskTopicLeaf, payload: Buffer): void;
  random?: () => number;
}

/** What the kiosk subscribes to: the server's side of its topics. */
const SUBSCRIBED: readonly KioskTopicLeaf[] = ['config/desired', 'commands', 'events/ack'];

/**
 * The kiosk's MQTT connection: MQTT 3.1.1 with its kiosk id and credential, a persistent session (clean:
 * false, a client id that never changes) so that commands queued while it was away are delivered, a last
 * will that marks it gone, and reconnection after a jittered delay (reconnect-delay.ts), never in step
 * with the rest of the fleet. Broker errors are logged; nothing here throws into the host.
 */
export class BrokerLink {
  private readonly client: MqttClient;
  private failures = 0;
  private retry: NodeJS.Timeout | undefined;
  private stopped = false;
  private lastError = '';

  constructor(private readonly options: BrokerLinkOptions) {
    const { kioskId, credential, mqttUrl } = options.enrolment;
    const settings: IClientOptions = {
      protocolVersion: 4,
      clientId: `borne-kiosk-${kioskId}`,
      username: kioskId,
      password: credential,
      clean: false,
      keepalive: 30,
      connectTimeout: 15_000,
      reconnectPeriod: 0, // this class decides when to come back, with jitter
      will: { topic: kioskTopic(kioskId, 'status'), payload: Buffer.from(JSON.stringify({ online: false })), qos: 1, retain: true },
      // mqtts:// checks the broker's certificate against the system's authorities, as a browser would.
      rejectUnauthorized: true,
    };
    this.client = mqtt.connect(mqttUrl, settings);
    this.client.on('connect', (connack) => {
      this.failures = 0;
      this.lastError = '';
      options.log.info({ broker: mqttUrl, sessionPresent: connack.sessionPresent }, 'connected to the fleet broker');
      this.client.subscribe(SUBSCRIBED.map((leaf) => kioskTopic(kioskId, leaf)), { qos: 1 }, (error) => {
        if (error) options.log.warn({ reason: error.message }, 'the fleet broker refused a subscription');
      });
      options.onConnect();
    });
    this.client.on('message', (topic, payload) => {
      const prefix = kioskTopicPrefix(kioskId);
      const leaf = topic.slice(prefix.length) as KioskTopicLeaf;
      if (!topic.startsWith(prefix) || !SUBSCRIBED.includes(leaf)) return;
      if (payload.length > FLEET_MESSAGE_MAX_BYTES) return options.log.warn({ topic: leaf, bytes: payload.length }, 'dropped an oversized fleet message');
      options.onMessage(leaf, payload);
    });
    this.client.on('error', (error) => {
      // Said once per kind of failure, not once per retry: a kiosk in a bus is offline for hours.
      if (error.message === this.lastError) return;
      this.lastError = error.message;
      options.log.warn({ reason: error.message }, 'fleet broker connection failed');
    });
    this.client.on('close', () => this.comeBackLater());
  }

  get connected(): boolean {
    return this.client.connected;
  }

  /** Publishes at QoS 1; false when offline (the caller keeps the message, the outbox resends it). */
  publish(leaf: KioskTopicLeaf, message: unknown, retain = false): boolean {
    if (!this.client.connected) return false;
    this.client.publish(kioskTopic(this.options.enrolment.kioskId, leaf), JSON.stringify(message), { qos: 1, retain }, (error) => {
      if (error) this.options.log.warn({ topic: leaf, reason: errorMessage(error) }, 'a fleet message was not delivered');
    });
    return true;
  }

  /** Closes the connection. The will is not sent for a goodbye: the caller publishes `{online: false}` first if it wants. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    // Connected, the goodbye just published is flushed first; offline, nothing can be, and waiting would hang.
    const closing = this.client.endAsync(!this.client.connected).catch(() => undefined);
    await Promise.race([closing, new Promise((resolve) => setTimeout(resolve, 2_000).unref())]);
    if (!this.client.disconnected) await this.client.endAsync(true).catch(() => undefined);
  }

  private comeBackLater(): void {
    if (this.stopped || this.retry) return;
    const delay = jitteredDelayMs(this.failures++, this.options.random);
    this.retry = setTimeout(() => {
      this.retry = undefined;
      if (!this.stopped) this.client.reconnect();
    }, delay);
    this.retry.unref();
  }
}
