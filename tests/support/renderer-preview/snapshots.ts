import type { SessionSnapshot } from '../../../common/snapshot';

/** A snapshot between visits; other fixtures say only what differs from it. */
export const attractSnapshot: SessionSnapshot = {
  screen: 'attract',
  language: 'fr',
  offeredLanguages: ['fr', 'en'],
  idleWarning: null,
  temperature: null,
  devices: { thermometer: { state: 'ready' } },
  testAutomation: false,
};

export const languageSnapshot: SessionSnapshot = { ...attractSnapshot, screen: 'language' };

export const homeWithReadingSnapshot: SessionSnapshot = {
  ...attractSnapshot,
  screen: 'home',
  temperature: { celsius: 37.6, site: 'armpit', takenAt: '2025-03-14T10:21:00' },
};

export const homeThermometerOfflineSnapshot: SessionSnapshot = {
  ...attractSnapshot,
  screen: 'home',
  devices: { thermometer: { state: 'offline', reason: 'serial port /dev/ttyUSB0 closed' } },
};

export const idleWarningSnapshot: SessionSnapshot = {
  ...homeWithReadingSnapshot,
  idleWarning: { secondsLeft: 12 },
};
