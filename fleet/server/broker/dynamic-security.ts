import { randomUUID } from 'node:crypto';
import type { MqttClient } from 'mqtt';
import { z } from 'zod';

const CONTROL_TOPIC = '$CONTROL/dynamic-security/v1';
const RESPONSE_TOPIC = `${CONTROL_TOPIC}/response`;
const ResponsesSchema = z.object({
  responses: z.array(z.object({ command: z.string(), error: z.string().optional(), correlationData: z.string().optional() }).loose()),
}).loose();

export type DynsecCommand = { command: string } & Record<string, unknown>;

/**
 * Mosquitto's dynamic-security plugin, driven over MQTT by an admin client: each command goes to
 * `$CONTROL/dynamic-security/v1` and its answer comes back on `…/response`, matched by correlation data.
 */
export class DynamicSecurity {
  private readonly waiting = new Map<string, (error: string | undefined) => void>();

  private constructor(private readonly client: MqttClient) {
    client.on('message', (topic, payload) => {
      if (topic !== RESPONSE_TOPIC) return;
      let parsed;
      try {
        parsed = ResponsesSchema.safeParse(JSON.parse(payload.toString('utf8')));
      } catch {
        return;
      }
      if (!parsed.success) return;
      for (const response of parsed.data.responses) {
        const settle = response.correlationData ? this.waiting.get(response.correlationData) : undefined;
        settle?.(response.error);
      }
    });
  }

  static async over(client: MqttClient): Promise<DynamicSecurity> {
    await client.subscribeAsync(RESPONSE_TOPIC, { qos: 1 });
    return new DynamicSecurity(client);
  }

  /** Runs one command; resolves with the plugin's error text, or undefined when it succeeded. */
  async run(command: DynsecCommand, timeoutMs = 10_000): Promise<string | undefined> {
    const correlationData = randomUUID();
    const answer = new Promise<string | undefined>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(correlationData);
        reject(new Error(`the broker did not answer ${command.command} (is the dynamic-security plugin loaded, and is this user its admin?)`));
      }, timeoutMs);
      this.waiting.set(correlationData, (error) => {
        clearTimeout(timer);
        this.waiting.delete(correlationData);
        resolve(error);
      });
    });
    await this.client.publishAsync(CONTROL_TOPIC, JSON.stringify({ commands: [{ ...command, correlationData }] }), { qos: 1 });
    return answer;
  }

  /** Runs one command and throws on any error but those listed as harmless ("already exists" on a restart). */
  async must(command: DynsecCommand, harmless: RegExp = /^$/): Promise<void> {
    const error = await this.run(command);
    if (error && !harmless.test(error)) throw new Error(`dynamic-security ${command.command}: ${error}`);
  }
}
