import type { PrinterCondition } from '../../common/devices';
import type { PrinterReport } from '../codecs/ipp-operations';

/** What a document printer's state says: its paper and cover, and what keeps it from printing (null when nothing does). */
export interface DocumentPrinterCondition {
  condition: PrinterCondition;
  blocker: string | null;
}

/**
 * printer-state-reasons keywords (RFC 8011 §5.4.12, PWG 5100.9) carry a suffix: `-report` is only
 * news, `-warning` and `-error` (or none) are meant. CUPS adds `paused` to a stopped queue and
 * `offline-report` when a backend cannot reach the printer; both keep jobs from printing.
 */
function meant(reasons: readonly string[]): Set<string> {
  const kept = new Set<string>();
  for (const reason of reasons) {
    const bare = reason.replace(/-(report|warning|error)$/, '');
    if (!reason.endsWith('-report') || bare === 'offline') kept.add(bare);
  }
  return kept;
}

/** The first thing in the way of printing, as a person at the printer would fix it. */
export function documentPrinterCondition(report: PrinterReport): DocumentPrinterCondition {
  const reasons = meant(report.reasons);
  const paperOut = reasons.has('media-empty') || reasons.has('media-needed');
  const coverOpen = reasons.has('cover-open') || reasons.has('door-open');
  const condition: PrinterCondition = {
    // Paper near its end is news, whatever its suffix: printers send media-low-report as often as -warning.
    paper: paperOut ? 'out' : report.reasons.some((reason) => reason.startsWith('media-low')) ? 'near-end' : 'ok',
    cover: coverOpen ? 'open' : 'closed',
  };
  return { condition, blocker: blockerOf(report, reasons, paperOut, coverOpen) };
}

function blockerOf(report: PrinterReport, reasons: Set<string>, paperOut: boolean, coverOpen: boolean): string | null {
  if (coverOpen) return 'the printer cover is open: close it';
  if (paperOut) return 'out of paper: load paper';
  if (reasons.has('media-jam')) return 'paper is jammed in the printer: open it and free the paper';
  if (reasons.has('toner-empty') || reasons.has('marker-supply-empty')) return 'the printer is out of toner or ink: replace it';
  if (reasons.has('offline')) return 'the printer is offline: is it switched on and connected?';
  if (!report.acceptingJobs) return 'the print queue refuses jobs (rejected at the print server): accept jobs again with cupsaccept';
  if (report.state === 'stopped') {
    const why = report.message ? ` (${report.message})` : '';
    return `the print queue is stopped${why}: start it again with cupsenable once the printer is fixed`;
  }
  return null;
}
