import type { AssistConfig } from '../../kiosk-config/assist-schema';
import { removeProfile, writeProfile } from './kiosk-process';
import { readTestProfile } from './test-profile';

/** The test agents and their PINs (hashes made by `npm run admin-pin`); test fixtures, never shipped. */
export const TEST_AGENTS = {
  marie: { name: 'Marie', pin: '1357' },
  karim: { name: 'Karim', pin: '8642' },
} as const;

export const TEST_ASSIST: AssistConfig = {
  listen: { host: '127.0.0.1', port: 0 },
  agents: [
    { id: 'marie', name: 'Marie', pinHash: 'scrypt$N=16384,r=8,p=1$5SkPMY36JdepW3H7HDqm0g==$Vi5qIQXqfYrADDsWRG1794+SKM5cBu0NSHtBtlFStaA=' },
    { id: 'karim', name: 'Karim', pinHash: 'scrypt$N=16384,r=8,p=1$NanqIDH1h9cNGhicesXcgA==$M/m4sBj7225oSEWiMo2PJ+mjJ/xWlUgwnDdLU4l+zr8=' },
  ],
  sessionMinutes: 240,
  maxAttempts: 5,
  lockoutMinutes: 1,
};

/** The test profile with assisted mode on a free loopback port; pair with removeProfile. */
export function writeAssistProfile(assist: Partial<AssistConfig> = {}): string {
  return writeProfile({ ...readTestProfile(), assist: { ...TEST_ASSIST, ...assist } });
}

export { removeProfile };
