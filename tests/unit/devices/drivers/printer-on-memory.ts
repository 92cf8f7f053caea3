import type { Result } from '../../../../common/result';
import { EscPosPrinterModel } from '../../../../devices/simulators/escpos-printer-model';
import { MemoryTransport } from '../../../../devices/transports/memory-transport';

/**
 * A MemoryTransport with the simulator's ESC/POS printer on its far end: what the driver writes is
 * printed by the model, and its status answers come back a moment later, as over a real line.
 * `silent` makes a peer that takes bytes and never answers.
 */
export class PrinterOnMemory extends MemoryTransport {
  silent = false;

  constructor(readonly printer = new EscPosPrinterModel()) {
    super();
  }

  override async write(bytes: Uint8Array): Promise<Result<void>> {
    const written = await super.write(bytes);
    if (written.ok) {
      const answers = this.printer.receive(bytes);
      if (answers.length > 0 && !this.silent) setTimeout(() => this.deviceSends(answers), 0);
    }
    return written;
  }
}
