import { fail, ok, type Result } from '../../common/result';

/**
 * A badge reader in HID data mode (a vendor-defined report, not a keyboard): the badge's number is a run of
 * bytes at a fixed place in one input report. Where varies by vendor, so the profile says it.
 */
export interface BadgeReportLayout {
  /** The report id the reader puts first, when its reports are numbered; other reports are not badges. */
  reportId?: number;
  /** Where the number starts, counted from the report's first byte (the report id included, if any). */
  offset: number;
  length: number;
}

/** What a reader sends when no badge is there, or a number nobody carries: all zeros, all ones. */
const isBlank = (id: Uint8Array): boolean => id.every((b) => b === 0) || id.every((b) => b === 0xff);

/**
 * The badge number a data report carries. Never throws. Null (not an error) for a report with another id: a
 * reader also sends status reports. Errors, each with a reason: a report too short for the layout, a blank
 * number.
 */
export function badgeFromDataReport(report: Uint8Array, layout: BadgeReportLayout): Result<Uint8Array | null> {
  if (layout.reportId !== undefined) {
    if (report.length === 0) return fail('badge report: empty');
    if (report[0] !== layout.reportId) return ok(null);
  }
  if (report.length < layout.offset + layout.length) {
    return fail(`badge report: ${report.length} bytes, too short for a number at ${layout.offset}..${layout.offset + layout.length - 1}`);
  }
  const id = report.slice(layout.offset, layout.offset + layout.length);
  return isBlank(id) ? fail('badge report: blank badge number') : ok(id);
}

/** The report a reader with `layout` sends for `id`, for simulators and tests; `size` is the report's length. */
export function dataReportFor(id: Uint8Array, layout: BadgeReportLayout, size = layout.offset + layout.length): Uint8Array {
  if (id.length !== layout.length || size < layout.offset + layout.length) throw new RangeError('the badge number does not fit the layout');
  const report = new Uint8Array(size);
  if (layout.reportId !== undefined) report[0] = layout.reportId;
  report.set(id, layout.offset);
  return report;
}
