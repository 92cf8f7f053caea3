import { pino } from 'pino';
import { expectTypeOf, it } from 'vitest';
import type { DeviceLogger } from '../../../devices/logger';

// The host hands its pino logger to the devices layer as is.
it('is satisfied by a pino logger', () => {
  expectTypeOf(pino({ enabled: false })).toExtend<DeviceLogger>();
});
