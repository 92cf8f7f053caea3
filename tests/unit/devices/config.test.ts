import { expectTypeOf, it } from 'vitest';
import type { DevicesConfig } from '../../../devices/config';
import type { Profile } from '../../../kiosk-config/schema';

// devices/ declares its own config type so that it imports common/ only; this keeps it in step with the schema.
it('accepts the devices section of a parsed profile', () => {
  expectTypeOf<Profile['devices']>().toExtend<DevicesConfig>();
});
