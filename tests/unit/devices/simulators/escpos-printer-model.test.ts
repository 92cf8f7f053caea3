import { describe, expect, it } from 'vitest';
import { encodeReceipt } from '../../../../devices/codecs/escpos-receipt';
import { statusRequest } from '../../../../devices/codecs/escpos-status';
import { EscPosPrinterModel } from '../../../../devices/simulators/escpos-printer-model';

const ALL_STATUS = Uint8Array.of(0x10, 0x04, 1, 0x10, 0x04, 2, 0x10, 0x04, 3, 0x10, 0x04, 4);
const text = (printer: EscPosPrinterModel) => printer.printed().map((lines) => lines.map((line) => line.text));

describe('the simulated ESC/POS printer', () => {
  it('answers DLE EOT 1–4 with the bits of the reference (shared/reference/protocols.md)', () => {
    const printer = new EscPosPrinterModel();
    expect([...printer.receive(ALL_STATUS)]).toEqual([0x12, 0x12, 0x12, 0x12]);
    printer.setPaper('near-end');
    expect([...printer.receive(ALL_STATUS)]).toEqual([0x12, 0x12, 0x12, 0x12 | 0x0c]); // n=4 bits 2–3
    printer.setPaper('out');
    // n=1 bit 3 offline, n=2 bit 5 stopped by paper end, n=4 bits 2–3 and 5–6.
    expect([...printer.receive(ALL_STATUS)]).toEqual([0x1a, 0x32, 0x12, 0x7e]);
    printer.setPaper('ok');
    printer.setCoverOpen(true);
    expect([...printer.receive(ALL_STATUS)]).toEqual([0x1a, 0x16, 0x12, 0x12]); // n=2 bit 2 cover open
  });

  it('takes a status request out of the stream even when it comes one byte at a time', () => {
    const printer = new EscPosPrinterModel();
    const answers = [...statusRequest('paperSensor'), ...statusRequest('printer')].flatMap((byte) => [...printer.receive(Uint8Array.of(byte))]);
    expect(answers).toEqual([0x12, 0x12]);
    expect(printer.buffered).toBe(0);
  });

  it('prints a receipt back to its text, and keeps what it cannot print until paper is loaded', () => {
    const printer = new EscPosPrinterModel();
    printer.setRollLength(2);
    const { parts } = encodeReceipt({ lines: ['un', 'deux', 'trois'].map((line) => ({ text: line })) }, 'pc858');
    printer.receive(Uint8Array.from(parts.flatMap((part) => [...part])));
    expect(text(printer)).toEqual([['un', 'deux']]);
    expect(printer.paper).toBe('out');
    expect(printer.buffered).toBeGreaterThan(0);
    printer.loadPaper();
    expect(text(printer)).toEqual([['un', 'deux', 'trois', '', '', '']]);
    expect(printer.buffered).toBe(0);
    expect(printer.unknownCommands).toBe(0);
  });

  it('keeps no receipt once cut when asked to keep none, as the kiosk\'s own simulator does', () => {
    const printer = new EscPosPrinterModel({ keptReceipts: 0 });
    const { parts } = encodeReceipt({ lines: [{ text: 'Votre rendez-vous' }] }, 'pc858');
    printer.receive(Uint8Array.from(parts.flatMap((part) => [...part])));
    expect(printer.printed()).toEqual([]);
  });

  it('loses what it held when switched off and on', () => {
    const printer = new EscPosPrinterModel();
    printer.setCoverOpen(true);
    printer.receive(Uint8Array.from([...'perdu\n'].map((char) => char.charCodeAt(0))));
    printer.powerCycle();
    printer.setCoverOpen(false);
    expect(printer.printed()).toEqual([]);
  });

  it('never throws on random bytes, and holds no more than it was sent', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 256;
    const printer = new EscPosPrinterModel();
    for (let i = 0; i < 2_000; i++) {
      const chunk = Uint8Array.from({ length: 1 + (random() % 64) }, random);
      expect(() => printer.receive(chunk)).not.toThrow();
    }
    expect(printer.buffered).toBeLessThan(64);
  });
});
