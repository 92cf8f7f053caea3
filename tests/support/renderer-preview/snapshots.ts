import type { SessionSnapshot } from '../../../common/snapshot';
import { shippedHomeCatalog, shippedProcedureView } from './shippedCatalog';

/** A snapshot between visits; other fixtures say only what differs from it. */
export const attractSnapshot: SessionSnapshot = {
  screen: 'attract',
  language: 'fr',
  offeredLanguages: ['fr', 'en'],
  display: { textSize: 100, contrast: 'standard' },
  idleWarning: null,
  measurements: {},
  measuring: null,
  devices: { thermometer: { state: 'ready' }, pulseOximeter: { state: 'ready' } },
  deviceHealth: {
    thermometer: { id: 'thermometer', kind: 'thermometer', state: 'ok', lastError: null, malformedFrames: 0, refusedReadings: 0 },
    pulseOximeter: { id: 'pulseOximeter', kind: 'pulseOximeter', state: 'ok', lastError: null, malformedFrames: 0, refusedReadings: 0 },
  },
  testAutomation: false,
  admin: null,
  siteTiles: [],
  site: null,
  catalog: null,
  procedure: null,
  satisfaction: null,
  memoPrint: null,
  assist: null,
};

export const languageSnapshot: SessionSnapshot = { ...attractSnapshot, screen: 'language' };

export const homeWithReadingSnapshot: SessionSnapshot = {
  ...attractSnapshot,
  screen: 'home',
  catalog: { groups: [] },
  measurements: {
    thermometer: { kind: 'thermometer', celsius: 37.6, site: 'armpit', takenAt: '2025-03-14T10:21:00' },
    pulseOximeter: { kind: 'pulseOximeter', spo2Percent: 97, pulsePerMinute: 72 },
  },
};

/** The oximeter step, waiting for a finger; then with its reading. */
export const measureWaitingSnapshot: SessionSnapshot = {
  ...attractSnapshot,
  screen: 'measure',
  measuring: { kind: 'pulseOximeter', phase: 'waiting', failure: null },
};
export const measureDoneSnapshot: SessionSnapshot = {
  ...homeWithReadingSnapshot,
  screen: 'measure',
  catalog: null, // the bridge refuses a catalog anywhere but on home
  measuring: { kind: 'pulseOximeter', phase: 'measured', failure: null },
};
export const measureFailedSnapshot: SessionSnapshot = {
  ...attractSnapshot,
  screen: 'measure',
  measuring: { kind: 'thermometer', phase: 'failed', failure: 'the thermometer is not ready: lost /dev/ttyUSB0' },
};

/** The thermometer answered, but no reading came within its readingTimeoutSeconds. */
export const measureNoReadingSnapshot: SessionSnapshot = {
  ...attractSnapshot,
  screen: 'measure',
  measuring: { kind: 'thermometer', phase: 'no-reading', failure: 'the thermometer sent no reading within 60 s' },
};

export const homeThermometerOfflineSnapshot: SessionSnapshot = {
  ...attractSnapshot,
  screen: 'home',
  catalog: { groups: [] },
  devices: { thermometer: { state: 'offline', reason: 'serial port /dev/ttyUSB0 closed' }, pulseOximeter: { state: 'connecting' } },
};

export const idleWarningSnapshot: SessionSnapshot = {
  ...homeWithReadingSnapshot,
  idleWarning: { secondsLeft: 12 },
};

/** The administrator's screens: the PIN keypad, after a wrong PIN, locked, and the panel with one device offline. */
const adminView = { pin: { status: 'entry' as const, attemptsLeft: null, lockedMinutesLeft: null }, maintenance: false, allowExitToDesktop: true };
export const adminPinSnapshot: SessionSnapshot = { ...attractSnapshot, screen: 'admin-pin', admin: adminView };
export const adminPinWrongSnapshot: SessionSnapshot = {
  ...adminPinSnapshot, admin: { ...adminView, pin: { status: 'wrong', attemptsLeft: 3, lockedMinutesLeft: null } },
};
export const adminPinLockedSnapshot: SessionSnapshot = {
  ...adminPinSnapshot, admin: { ...adminView, pin: { status: 'locked', attemptsLeft: null, lockedMinutesLeft: 14 } },
};
export const adminPanelSnapshot: SessionSnapshot = {
  ...attractSnapshot,
  screen: 'admin-panel',
  devices: { thermometer: { state: 'ready' }, pulseOximeter: { state: 'offline', reason: 'cannot open /dev/ttyUSB1: No such file or directory', absent: true } },
  deviceHealth: {
    thermometer: { id: 'thermometer', kind: 'thermometer', state: 'degraded', lastError: { message: 'bad frame: SLIP: ESC followed by 0x01', at: '2026-11-25T13:32:00.000Z' },
      malformedFrames: 3, refusedReadings: 0 },
    pulseOximeter: { id: 'pulseOximeter', kind: 'pulseOximeter', state: 'absent',
      lastError: { message: 'cannot open /dev/ttyUSB1: No such file or directory', at: '2026-11-25T13:30:00.000Z' }, malformedFrames: 0, refusedReadings: 0 },
  },
  admin: { ...adminView, maintenance: true },
};

const officialSites: SessionSnapshot['siteTiles'] = [
  { label: { fr: 'Service Public', en: 'Public Service (France)', ar: 'الخدمة العامة (Service Public)' }, url: 'https://www.service-public.fr/', call: null },
  { label: { fr: 'Assurance Maladie (ameli)', en: 'Health Insurance (ameli)', ar: 'التأمين الصحي (ameli)' }, url: 'https://www.ameli.fr/', call: null },
];

/** Home with two official sites offered as tiles. */
export const homeWithSitesSnapshot: SessionSnapshot = { ...homeWithReadingSnapshot, siteTiles: officialSites };

/** Home in a cabin that also offers video calls: an advisor's appointment and a teleconsultation. */
export const homeWithCallsSnapshot: SessionSnapshot = {
  ...homeWithSitesSnapshot,
  siteTiles: [
    { label: { fr: 'CAF', en: 'Family benefits (CAF)', ar: 'المنح العائلية (CAF)' }, url: 'https://rdv.caf.example/', call: 'appointment' },
    { label: { fr: 'Médecin de la cabine', en: "The cabin's doctor", ar: 'طبيب المقصورة' }, url: 'https://teleconsultation.example/', call: 'teleconsultation' },
    ...officialSites,
  ],
};

/** The site step, while the site opens, and when it could not be reached. */
export const siteOpeningSnapshot: SessionSnapshot = {
  ...attractSnapshot,
  screen: 'site',
  siteTiles: officialSites,
  site: { origin: 'https://www.service-public.fr', unreachable: false, call: null },
};
export const siteUnreachableSnapshot: SessionSnapshot = {
  ...siteOpeningSnapshot,
  site: { origin: 'https://www.service-public.fr', unreachable: true, call: null },
};

/** A procedure's guide. */
export const guideSnapshot: SessionSnapshot = {
  ...attractSnapshot,
  screen: 'guide',
  procedure: {
    id: 'passport', group: 'identity', title: 'Demander un passeport', minutes: 20,
    summary: ['Le passeport se demande en ligne, puis en mairie.'],
    steps: ['Faites la pré-demande en ligne.', 'Prenez rendez-vous en mairie.'],
    documents: ['Une photo d\'identité récente'],
    origins: ['https://passeport.ants.gouv.fr'],
  },
};

/** The passport guide in Arabic, as kiosk-config/catalog/ar/passport.json says it. */
export const guideArabicSnapshot: SessionSnapshot = {
  ...guideSnapshot,
  language: 'ar',
  procedure: {
    ...guideSnapshot.procedure!,
    title: 'طلب جواز سفر',
    summary: ['تملأ طلبًا مسبقًا على الإنترنت.'],
    steps: ['افتح موقع جواز السفر (ANTS).', 'املأ الطلب المسبق.', 'اشترِ الطابع الجبائي الإلكتروني.', 'احجز موعدًا في البلدية (la mairie).'],
    documents: ['صورة هوية عمرها أقل من 6 أشهر'],
  },
};

/** Before the visit: the notice of what is kept. */
export const consentSnapshot: SessionSnapshot = { ...attractSnapshot, screen: 'consent' };

/**
 * Home as a town hall's kiosk shows it: every shipped procedure by life event, the profile's official
 * sites, no measuring device. Built per language, as the host sends the catalog in the visit's language.
 */
export const homeCatalogSnapshot = (language: SessionSnapshot['language'] = 'fr'): SessionSnapshot => ({
  ...attractSnapshot,
  screen: 'home',
  language,
  devices: {},
  deviceHealth: {},
  catalog: shippedHomeCatalog(language),
  siteTiles: officialSites,
});

/** Home on a health cabin: the procedures, and the devices with this visit's readings. */
export const homeCatalogWithDevicesSnapshot: SessionSnapshot = {
  ...homeWithReadingSnapshot,
  catalog: shippedHomeCatalog('fr'),
};

/** The guide of a shipped procedure, in a language. */
export const shippedGuideSnapshot = (id: string, language: SessionSnapshot['language'] = 'fr'): SessionSnapshot => ({
  ...attractSnapshot,
  screen: 'guide',
  language,
  procedure: shippedProcedureView(id, language),
});

/** The end screen, before and after the satisfaction answer. */
export const endSnapshot: SessionSnapshot = { ...attractSnapshot, screen: 'end' };
export const endRatedSnapshot: SessionSnapshot = { ...endSnapshot, satisfaction: 'good' };
