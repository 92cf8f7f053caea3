import { fromPromise } from 'xstate';
import type { DeviceCommand, DeviceKind } from '../../common/devices';
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
