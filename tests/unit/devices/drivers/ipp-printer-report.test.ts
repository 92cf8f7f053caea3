import { describe, expect, it } from 'vitest';
import type { PrinterReport } from '../../../../devices/codecs/ipp-operations';
import { documentPrinterCondition } from '../../../../devices/drivers/ipp-printer-report';

const report = (reasons: string[], more: Partial<PrinterReport> = {}): PrinterReport =>
  ({ state: 'idle', reasons, message: '', acceptingJobs: true, ...more });

describe('what a document printer\'s printer-state-reasons mean', () => {
  it('an idle printer with no reason prints: paper ok, cover closed, nothing in the way', () => {
    expect(documentPrinterCondition(report([]))).toEqual({ condition: { paper: 'ok', cover: 'closed' }, blocker: null });
  });

  it.each(['media-empty-error', 'media-empty', 'media-needed-warning'])('%s is out of paper, and says to load paper', (reason) => {
    expect(documentPrinterCondition(report([reason], { state: 'stopped' }))).toEqual({
      condition: { paper: 'out', cover: 'closed' }, blocker: 'out of paper: load paper',
    });
  });

  it('media-low is paper near its end, and still prints', () => {
    expect(documentPrinterCondition(report(['media-low-report']))).toEqual({ condition: { paper: 'near-end', cover: 'closed' }, blocker: null });
  });

  it('a cover open comes first: it must be closed before paper can go in', () => {
    expect(documentPrinterCondition(report(['media-empty-error', 'cover-open-error']))).toEqual({
      condition: { paper: 'out', cover: 'open' }, blocker: 'the printer cover is open: close it',
    });
  });

  it('offline-report (a backend that cannot reach the printer) blocks, other -report reasons are only news', () => {
    expect(documentPrinterCondition(report(['offline-report'])).blocker).toBe('the printer is offline: is it switched on and connected?');
    expect(documentPrinterCondition(report(['toner-low-report', 'cups-waiting-for-job-completed'])).blocker).toBeNull();
  });

  it('a stopped queue says its message and how to start it; a queue refusing jobs says so', () => {
    expect(documentPrinterCondition(report(['paused'], { state: 'stopped', message: 'Maintenance' })).blocker)
      .toBe('the print queue is stopped (Maintenance): start it again with cupsenable once the printer is fixed');
    expect(documentPrinterCondition(report([], { acceptingJobs: false })).blocker)
      .toBe('the print queue refuses jobs (rejected at the print server): accept jobs again with cupsaccept');
  });
});
