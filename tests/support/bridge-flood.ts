import { readFileSync } from 'node:fs';
import { openRawBridgeClient, type RawBridgeClient, type RawBridgeTarget } from './raw-bridge-client';

// The load of the "hardening" issue, shared by its end-to-end test and the flood benchmark.

/**
 * Three attackers with the launch token, for `ms`: two write as fast as the kernel takes it and
 * reconnect whenever the host closes them; one stays under the rate limit. None ever reads.
 */
export async function floodFor(ms: number, target: RawBridgeTarget, messages: readonly string[]) {
  const until = Date.now() + ms;
  let connections = 0;
  let frames = 0;
  const attacker = async (pauseMs: number) => {
    while (Date.now() < until) {
      let client: RawBridgeClient;
      try {
        client = await openRawBridgeClient(target);
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 50)); // refused (503 while old sockets close): retry
        continue;
      }
      connections++;
      let open = true;
      void client.closed.then(() => (open = false));
      client.socket.on('close', () => (open = false));
      while (open && Date.now() < until) {
        const full = !client.sendText(messages[frames++ % messages.length]!);
        if (full || pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, full ? 5 : pauseMs));
      }
      client.socket.destroy();
    }
  };
  await Promise.all([attacker(0), attacker(0), attacker(50)]);
  return { connections, frames };
}

/** Samples a process's resident memory every 250 ms until `stop()`, which gives the first and highest figures. */
export function sampleRss(pid: number) {
  const read = () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  const startMb = Math.round(read());
  let peak = startMb;
  const timer = setInterval(() => { try { peak = Math.max(peak, read()); } catch { /* exited */ } }, 250);
  return {
    stop: () => {
      clearInterval(timer);
      return { startMb, peakMb: Math.round(peak) };
    },
  };
}
