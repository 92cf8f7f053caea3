import type { Receipt } from '../../common/print-job';
import { align, bold, cut, doubleSize, initialize, joinCommands, lineFeed } from './escpos';
import { encodeText, selectCodePage, type CodePage } from './escpos-text';

/** The blank lines fed after the last line, before the cut: a margin under the text. */
const FEED_BEFORE_CUT = 3;

export interface EncodedReceipt {
  /**
   * What is written to the printer, in order: the set-up, one part per printed line, then the feed and
   * the cut. Each line part sets its own alignment and weight, so a job can stop between two parts and
   * go on later whatever the printer did meanwhile.
   */
  parts: Uint8Array[];
  /** Characters printed as `?` (Arabic, emoji…): the caller may rather print it in French, or not at all. */
  unprintable: number;
}

/** A receipt as ESC/POS bytes for a printer set to `page`. Never throws: text cannot carry a command. */
export function encodeReceipt(receipt: Receipt, page: CodePage): EncodedReceipt {
  let unprintable = 0;
  const text = (value: string): Uint8Array => {
    const encoded = encodeText(value, page);
    unprintable += encoded.unprintable;
    return encoded.bytes;
  };
  const parts = [joinCommands(initialize(), selectCodePage(page))];
  if (receipt.title !== undefined) {
    parts.push(joinCommands(align('centre'), bold(true), doubleSize(true), text(receipt.title), lineFeed(), doubleSize(false), bold(false)));
  }
  for (const line of receipt.lines) {
    parts.push(joinCommands(align(line.centred ? 'centre' : 'left'), bold(line.bold ?? false), text(line.text), lineFeed()));
  }
  parts.push(joinCommands(align('left'), bold(false), lineFeed(FEED_BEFORE_CUT), cut('partial')));
  return { parts, unprintable };
}
