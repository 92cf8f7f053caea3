import type { Disposer } from '../../common/disposables';
import { fail, ok, type Result } from '../../common/result';
import { SerialTransport } from '../transports/serial-transport';
import type { EscPosPrinterModel } from './escpos-printer-model';

/**
 * A receipt printer on a serial line: `printer` plays it from the device side of `path` (a pty pair's
 * far end, or a null-modem cable), answering status requests and printing what it is sent.
 */
export async function playPrinterOnSerial(path: string, baudRate: number, printer: EscPosPrinterModel): Promise<Result<Disposer>> {
  const line = new SerialTransport({ path, baudRate });
  await line.open();
  if (line.status.state !== 'ready') {
    const reason = line.status.state === 'offline' ? line.status.reason : line.status.state;
    await line.close();
    return fail(`receipt printer simulator: ${reason}`);
  }
  line.on('data', (chunk) => {
    const answers = printer.receive(chunk);
    if (answers.length > 0) void line.write(answers);
  });
  return ok(() => line.close());
}
