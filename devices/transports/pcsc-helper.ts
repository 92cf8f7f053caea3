// The PC/SC binding in a process of its own, started by pcsc-transport.ts with the reader's name as its
// argument. pcsclite's close() can block its caller for good: it takes a mutex the binding holds while it
// runs the reader's callbacks (closing from the reader's 'end', when pcscd stops, deadlocked), and it joins
// native threads a missed cancel leaves waiting in pcscd. In the host that froze the kiosk, with no timer
// left to notice. So nothing here is ever closed: the transport kills this process, and the system closes
// its connection to pcscd. Talks JSON over the IPC channel: reader names, states, ATRs and card responses.
import type pcsclite from 'pcsclite';

type PcscLite = ReturnType<typeof pcsclite>;
type CardReader = Parameters<Extract<Parameters<PcscLite['on']>[1], (reader: never) => void>>[0];

/** From the helper: what pcscd and the reader did. Bytes travel as hex. */
export type PcscHelperMessage =
  /** A context with pcscd; `reader` when the reader was in the binding's first listing. */
  | { type: 'started'; reader: string | null }
  /** The binding did not load or pcscd refused a context; the reason as the binding gave it. */
  | { type: 'unavailable'; reason: string }
  | { type: 'lost'; reason: string }
  | { type: 'reader-found'; name: string }
  | { type: 'reader-error'; reason: string }
  | { type: 'reader-gone'; name: string }
  | { type: 'card-inserted'; atr: string }
  | { type: 'card-removed' }
  | { type: 'connect-failed'; reason: string }
  | { type: 'transmitted'; id: number; response?: string; error?: string };

/** To the helper: one command APDU for the card in the reader. */
export type PcscHelperRequest = { type: 'transmit'; id: number; apdu: string };

/** A short response APDU: 256 data bytes and the status word. */
const RESPONSE_BUFFER = 258;
/** The binding lists the readers on its own thread just after the context: a few ms on a kiosk. */
const FIRST_LISTING_MS = 300;

const send = (message: PcscHelperMessage): void => {
  process.send?.(message);
};
const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

async function main(readerName: string): Promise<void> {
  // The transport went (its process died): nothing here outlives it. Killed, not exited: an exit could
  // run into the same native join.
  process.on('disconnect', () => process.kill(process.pid, 'SIGKILL'));
  let pcsc: PcscLite;
  try {
    // Loaded here: a kiosk whose binding did not build (no libpcsclite) says so and goes on without the reader.
    pcsc = (await import('pcsclite')).default();
  } catch (error) {
    send({ type: 'unavailable', reason: messageOf(error) });
    return;
  }
  let watched: CardReader | null = null;
  let state = 0;
  let protocol: number | null = null;
  // 'started' waits for the first listing (or for FIRST_LISTING_MS) and names the reader if it was in it:
  // a reader already plugged in is then never reported absent for a moment (`npm run devices -- status`).
  let started = false;
  const start = (): void => {
    if (started) return;
    started = true;
    send({ type: 'started', reader: watched?.name ?? null });
  };
  setTimeout(start, FIRST_LISTING_MS);

  pcsc.on('error', (error: unknown) => send({ type: 'lost', reason: messageOf(error) }));
  pcsc.on('reader', (reader: CardReader) => {
    // Every reader reports its errors as 'error' events: another reader's must not be unhandled either.
    reader.on('error', () => {});
    if (watched || !reader.name.startsWith(readerName)) return;
    watched = reader;
    if (started) send({ type: 'reader-found', name: reader.name });
    else start();
    reader.on('error', (error: unknown) => send({ type: 'reader-error', reason: messageOf(error) }));
    reader.on('end', () => send({ type: 'reader-gone', name: reader.name }));
    reader.on('status', ({ state: now, atr }: { state: number; atr?: Buffer }) => {
      const changes = state ^ now;
      state = now;
      if (changes & reader.SCARD_STATE_EMPTY && now & reader.SCARD_STATE_EMPTY) {
        if (protocol === null) return;
        protocol = null;
        reader.disconnect(reader.SCARD_LEAVE_CARD, () => {});
        send({ type: 'card-removed' });
      } else if (changes & reader.SCARD_STATE_PRESENT && now & reader.SCARD_STATE_PRESENT && !(now & reader.SCARD_STATE_MUTE)) {
        reader.connect({ share_mode: reader.SCARD_SHARE_SHARED }, (error: unknown, connected: number) => {
          if (error) return send({ type: 'connect-failed', reason: messageOf(error) });
          protocol = connected;
          send({ type: 'card-inserted', atr: (atr ?? Buffer.alloc(0)).toString('hex') });
        });
      }
    });
  });

  process.on('message', (request: PcscHelperRequest) => {
    if (request?.type !== 'transmit') return;
    const reply = (answer: { response?: string; error?: string }) => send({ type: 'transmitted', id: request.id, ...answer });
    if (!watched || protocol === null) return reply({ error: 'no card in the reader' });
    watched.transmit(Buffer.from(request.apdu, 'hex'), RESPONSE_BUFFER, protocol, (error: unknown, response: Buffer) => {
      reply(error ? { error: messageOf(error) } : { response: response.toString('hex') });
    });
  });
}

void main(process.argv[2] ?? '');
