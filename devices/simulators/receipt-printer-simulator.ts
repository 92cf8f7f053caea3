import { createServer, type Server, type Socket } from 'node:net';
import { errorMessage } from '../../common/error-message';
import { fail, ok, type Result } from '../../common/result';
import { EscPosPrinterModel, PRINT_BUFFER_BYTES, type PrintedLine } from './escpos-printer-model';

/**
 * A network receipt printer on a TCP port (raw ESC/POS, as on port 9100), for the demo kiosk and the
 * tests: it answers `DLE EOT n` with real status bytes, prints what it is sent into `printer` (an
 * EscPosPrinterModel: paper, cover, what was printed, read back as text), and can vanish and come back.
 * Like a printer whose buffer is full, it stops reading while it holds more than it can print.
 */
export class ReceiptPrinterSimulator {
  private readonly sockets = new Set<Socket>();
  private server: Server | undefined;

  private constructor(private readonly host: string, private listeningPort: number, readonly printer: EscPosPrinterModel) {}

  /** Listens at `host:port` (port 0: any free port, see `port`), printing into `printer`. */
  static async listen(host: string, port: number, printer = new EscPosPrinterModel()): Promise<Result<ReceiptPrinterSimulator>> {
    const simulator = new ReceiptPrinterSimulator(host, port, printer);
    const listening = await simulator.comeBack();
    return listening.ok ? ok(simulator) : listening;
  }

  get port(): number {
    return this.listeningPort;
  }

  /** The receipts printed so far, each as its lines of text. */
  receipts(): string[][] {
    return this.printer.printed().map((lines) => lines.map((line) => line.text));
  }

  /** The receipts printed so far, with each line's bold, centred and double size. */
  printedLines(): PrintedLine[][] {
    return this.printer.printed();
  }

  /** Sends bytes nobody asked for to every connection: line noise, a status the host did not request. */
  sendUnasked(bytes: Uint8Array): void {
    for (const socket of this.sockets) socket.write(bytes);
  }

  /** Paper loaded, cover closed, and so on: the printer prints what it held, and the host may go on. */
  changed(change: (printer: EscPosPrinterModel) => void): void {
    change(this.printer);
    for (const socket of this.sockets) if (socket.isPaused() && this.printer.buffered < PRINT_BUFFER_BYTES) socket.resume();
  }

  /** The printer goes away (switched off, unplugged): every connection reset, the port closed, what it held lost. */
  async vanish(): Promise<void> {
    for (const socket of this.sockets) socket.resetAndDestroy();
    this.sockets.clear();
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
    this.printer.powerCycle();
  }

  /** The printer is back on the same port. */
  async comeBack(): Promise<Result<void>> {
    if (this.server) return ok(undefined);
    const server = createServer((socket) => this.accept(socket));
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(this.listeningPort, this.host, () => resolve());
      });
    } catch (error) {
      server.close();
      return fail(`receipt printer simulator: cannot listen at ${this.host}:${this.listeningPort}: ${errorMessage(error)}`);
    }
    server.on('error', () => {});
    const address = server.address();
    if (address && typeof address === 'object') this.listeningPort = address.port;
    this.server = server;
    return ok(undefined);
  }

  /** Stops for good; idempotent. */
  close(): Promise<void> {
    return this.vanish();
  }

  private accept(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('data', (chunk: Buffer) => {
      const answers = this.printer.receive(chunk);
      if (answers.length > 0) socket.write(answers);
      if (this.printer.buffered >= PRINT_BUFFER_BYTES) socket.pause();
    });
  }
}
