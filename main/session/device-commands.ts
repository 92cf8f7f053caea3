import { fromPromise } from 'xstate';
import type { DeviceCommand, DeviceKind } from '../../common/devices';
import type { PrintJob, Receipt } from '../../common/print-job';
import type { Result } from '../../common/result';
import { measurementFlow, type DeviceCommandInput } from './measurement-flow';

/** What the session needs of the device manager: commands with typed results. */
export interface DeviceCommands {
  command(kind: DeviceKind, command: DeviceCommand): Promise<Result<void>>;
}

/** The measurement flow, sending its commands to `devices`; a refused command fails the step with its reason. */
export function measurementFlowThrough(devices: DeviceCommands) {
  return measurementFlow.provide({
    actors: {
      deviceCommand: fromPromise<void, DeviceCommandInput>(async ({ input }) => {
        const result = await devices.command(input.kind, input.command);
        if (!result.ok) throw new Error(result.error);
      }),
    },
  });
}

/** What printing a memo needs of the device manager. */
export interface ReceiptPrinting {
  printAndWait(kind: DeviceKind, receipt: Receipt, timeoutMs: number): Promise<Result<PrintJob>>;
}

/**
 * How long a person waits at the guide for their memo. A printer out of paper keeps the job longer
 * (its `jobWaitSeconds`); the person is told after this that it could not print, and the job is cancelled.
 */
export const MEMO_WAIT_MS = 60_000;

/** The session's `printMemo` actor, printing on the receipt printer; a job that failed rejects with its reason. */
export function printMemoThrough(devices: ReceiptPrinting) {
  return fromPromise<void, { memo: Receipt }>(async ({ input }) => {
    const printed = await devices.printAndWait('receiptPrinter', input.memo, MEMO_WAIT_MS);
    if (!printed.ok) throw new Error(printed.error);
    if (printed.value.state === 'failed') throw new Error(printed.value.reason);
  });
}
