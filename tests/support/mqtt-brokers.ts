import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Aedes } from 'aedes';
import { freeLoopbackPort } from '../../devices/simulators/free-port';

/** A real MQTT 3.1.1 broker on a loopback port that a test can stop (cutting every client) and start again on the same port. */
export interface TestBroker {
  readonly name: string;
  readonly url: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Stops it for good and removes what it left. */
  dispose(): Promise<void>;
  /** Aedes only: drops one client's connection without a goodbye, as a lost network does, the broker staying up. */
  cut?(clientId: string): void;
}

export const TEST_BROKERS = ['aedes', 'mosquitto'] as const;
export type TestBrokerName = (typeof TEST_BROKERS)[number];

export async function testBroker(name: TestBrokerName): Promise<TestBroker> {
  const port = await freeLoopbackPort();
  return name === 'aedes' ? aedesBroker(port) : mosquittoBroker(port);
}

/** The embedded broker in this process, without authentication (the agent's side is under test, not the ACL). */
function aedesBroker(port: number): TestBroker {
  let broker: Aedes | null = null;
  let server: Server | null = null;
  const sockets = new Set<Socket>();
  const connections = new Map<string, Socket>();
  const broker_ = {
    name: 'aedes',
    url: `mqtt://127.0.0.1:${port}`,
    async start() {
      const started = await Aedes.createBroker();
      started.on('client', (client) => connections.set(client.id, client.conn as unknown as Socket));
      const listening = createServer((socket) => {
        sockets.add(socket.once('close', () => sockets.delete(socket)));
        started.handle(socket);
      });
      await new Promise<void>((resolve, reject) => listening.once('error', reject).listen(port, '127.0.0.1', resolve));
      broker = started;
      server = listening;
    },
    async stop() {
      const [b, s] = [broker, server];
      broker = server = null;
      if (!s || !b) return;
      for (const socket of sockets) socket.destroy(); // cut, as a network loss would: no goodbye
      await new Promise<void>((resolve) => b.close(() => resolve()));
      await new Promise<void>((resolve) => s.close(() => resolve()));
    },
    dispose: () => broker_.stop(),
    cut: (clientId: string) => connections.get(clientId)?.destroy(),
  };
  return broker_;
}

/** A real Mosquitto on a temporary configuration: anonymous clients on loopback, nothing persisted. */
function mosquittoBroker(port: number): TestBroker {
  const dir = mkdtempSync(path.join(tmpdir(), 'borne-mosquitto-'));
  const config = path.join(dir, 'mosquitto.conf');
  writeFileSync(config, `listener ${port} 127.0.0.1\nallow_anonymous true\npersistence false\nlog_dest none\n`);
  let child: ChildProcess | null = null;
  const broker = {
    name: 'mosquitto',
    url: `mqtt://127.0.0.1:${port}`,
    async start() {
      const started = spawn('/usr/sbin/mosquitto', ['-c', config], { stdio: ['ignore', 'ignore', 'pipe'] });
      child = started;
      let said = '';
      started.stderr?.on('data', (chunk: Buffer) => (said += chunk.toString()));
      for (let attempt = 0; !(await accepts(port)); attempt++) {
        if (started.exitCode !== null || attempt > 100) throw new Error(`mosquitto did not start: ${said}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async stop() {
      const running = child;
      child = null;
      if (!running || running.exitCode !== null) return;
      const exited = new Promise((resolve) => running.once('exit', resolve));
      running.kill('SIGTERM');
      await exited;
    },
    async dispose() {
      await broker.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return broker;
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}
