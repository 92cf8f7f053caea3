import type { PushableEvent } from '../../../common/assist';
import type { DeviceHealthState, DeviceKind, PaperState, PrinterCondition } from '../../../common/devices';
import type { Language } from '../../../common/language';
import type { Screen } from '../../../common/snapshot';
import { NATIVE_LANGUAGE_NAMES } from '../i18n/languageNames';

/**
 * The agent page's words, in French and English. Staff read them, not the public: short and exact.
 * Kept beside the page rather than in the kiosk's i18n, which holds what the citizen reads.
 */
const PAPER_FR: Record<PaperState, string> = { ok: 'ok', 'near-end': 'bientôt fini', out: 'épuisé', unknown: 'inconnu' };
const PAPER_EN: Record<PaperState, string> = { ok: 'ok', 'near-end': 'nearly out', out: 'out', unknown: 'unknown' };

const fr = {
  /** The language these words are in; a site tile's label is shown in it too. */
  lang: 'fr' as Language,
  title: 'Borne — vue agent',
  loginTitle: 'Connexion agent',
  agentId: 'Identifiant',
  pin: 'Code personnel',
  login: 'Se connecter',
  logout: 'Se déconnecter',
  loggedInAs: (name: string) => `Connecté : ${name}`,
  wrong: (left: number) => `Identifiant ou code incorrect. Encore ${left} essai${left > 1 ? 's' : ''}.`,
  locked: (minutes: number) => `Trop d'essais. Réessayez dans ${minutes} minute${minutes > 1 ? 's' : ''}.`,
  invalid: "L'identifiant ou le code n'a pas la bonne forme.",
  busy: 'Une autre connexion est en cours de vérification. Réessayez.',
  unreachable: 'La borne ne répond pas.',
  connecting: 'Connexion à la borne…',
  mirrorTitle: "L'écran de la borne",
  screen: 'Écran',
  language: 'Langue',
  procedure: 'Démarche',
  site: 'Site ouvert',
  idle: (seconds: number) => `Inactivité : fin dans ${seconds} s`,
  none: '—',
  helpAsked: "L'usager demande de l'aide",
  handTitle: 'Qui a la main',
  handCitizen: "L'usager",
  handYou: 'Vous',
  handOther: (name: string) => `${name} (agent)`,
  take: 'Prendre la main',
  giveBack: 'Rendre la main',
  stepsTitle: 'Étape suivante',
  stepsNeedHand: 'Prenez la main pour faire avancer la visite.',
  noSteps: "Aucune étape à proposer sur cet écran.",
  rejected: (reason: string) => `Refusé par la borne : ${reason}`,
  screens: {
    attract: 'Veille (aucune visite)', language: 'Choix de la langue', consent: 'Consentement', home: 'Accueil',
    guide: 'Guide de la démarche', measure: 'Mesure', site: 'Site officiel', end: 'Fin de visite', wipe: 'Effacement',
    'out-of-service': 'Hors service', 'admin-pin': 'Administration', 'admin-panel': 'Administration',
  } satisfies Record<Screen, string>,
  devices: {
    title: 'Appareils de la cabine',
    names: { thermometer: 'Thermomètre', pulseOximeter: 'Oxymètre de pouls', bloodPressureMonitor: 'Tensiomètre', scale: 'Balance', receiptPrinter: 'Imprimante de tickets', documentPrinter: 'Imprimante de documents', smartCardReader: 'Lecteur de carte à puce', badgeReader: 'Lecteur de badges' } satisfies Record<DeviceKind, string> as Record<DeviceKind, string>,
    state: { ok: 'en service', degraded: 'perturbé', absent: 'absent', error: 'en panne' } satisfies Record<DeviceHealthState, string>,
    lastError: (time: string, message: string) => `Dernier incident à ${time} : ${message}`,
    counts: (malformed: number, refused: number) => `Trames illisibles : ${malformed} · valeurs rejetées : ${refused}`,
    paper: ({ paper, cover }: PrinterCondition) => `Papier : ${PAPER_FR[paper]}${cover === 'open' ? ' · capot ouvert' : ''}`,
    none: 'Aucun appareil sur cette borne.',
  },
  languages: NATIVE_LANGUAGE_NAMES,
  push: {
    'LANGUAGE.CHOOSE': (what: string) => `Choisir la langue : ${what}`,
    'PROCEDURE.OPEN': (what: string) => `Ouvrir le guide : ${what}`,
    'SITE.OPEN': (what: string) => `Ouvrir le site : ${what}`,
    'PROCEDURE.START': () => 'Aller sur le site de la démarche',
    'PROCEDURE.CLOSE': () => "Revenir à l'accueil",
    'SITE.CLOSE': () => 'Fermer le site',
    'MEASURE.DONE': () => 'Terminer la mesure',
    'MEASURE.CANCEL': () => 'Annuler la mesure',
    'VISIT.FINISH': () => 'Terminer la visite',
  } as Record<PushableEvent['type'], (what: string) => string>,
};

export type AgentText = typeof fr;

const en: AgentText = {
  lang: 'en',
  title: 'Borne — agent view',
  loginTitle: 'Agent login',
  agentId: 'Agent id',
  pin: 'Personal code',
  login: 'Log in',
  logout: 'Log out',
  loggedInAs: (name) => `Logged in: ${name}`,
  wrong: (left) => `Wrong id or code. ${left} ${left > 1 ? 'tries' : 'try'} left.`,
  locked: (minutes) => `Too many tries. Try again in ${minutes} minute${minutes > 1 ? 's' : ''}.`,
  invalid: 'The id or the code is not in the right form.',
  busy: 'Another login is being checked. Try again.',
  unreachable: 'The kiosk does not answer.',
  connecting: 'Connecting to the kiosk…',
  mirrorTitle: "The kiosk's screen",
  screen: 'Screen',
  language: 'Language',
  procedure: 'Procedure',
  site: 'Open website',
  idle: (seconds) => `Inactivity: ends in ${seconds} s`,
  none: '—',
  helpAsked: 'The visitor asks for help',
  handTitle: 'Who is in control',
  handCitizen: 'The visitor',
  handYou: 'You',
  handOther: (name) => `${name} (agent)`,
  take: 'Take control',
  giveBack: 'Hand back control',
  stepsTitle: 'Next step',
  stepsNeedHand: 'Take control to move the visit on.',
  noSteps: 'No step to offer on this screen.',
  rejected: (reason) => `Refused by the kiosk: ${reason}`,
  screens: {
    attract: 'Idle (no visit)', language: 'Choosing a language', consent: 'Consent', home: 'Home', guide: 'Procedure guide',
    measure: 'Measurement', site: 'Official website', end: 'End of visit', wipe: 'Wiping', 'out-of-service': 'Out of service',
    'admin-pin': 'Administration', 'admin-panel': 'Administration',
  },
  devices: {
    title: 'Cabin devices',
    names: { thermometer: 'Thermometer', pulseOximeter: 'Pulse oximeter', bloodPressureMonitor: 'Blood pressure monitor', scale: 'Scale', receiptPrinter: 'Receipt printer', documentPrinter: 'Document printer', smartCardReader: 'Smart-card reader', badgeReader: 'Badge reader' },
    state: { ok: 'working', degraded: 'degraded', absent: 'absent', error: 'failing' },
    lastError: (time, message) => `Last fault at ${time}: ${message}`,
    counts: (malformed, refused) => `Unreadable frames: ${malformed} · refused values: ${refused}`,
    paper: ({ paper, cover }) => `Paper: ${PAPER_EN[paper]}${cover === 'open' ? ' · cover open' : ''}`,
    none: 'No device on this kiosk.',
  },
  languages: NATIVE_LANGUAGE_NAMES,
  push: {
    'LANGUAGE.CHOOSE': (what) => `Choose the language: ${what}`,
    'PROCEDURE.OPEN': (what) => `Open the guide: ${what}`,
    'SITE.OPEN': (what) => `Open the website: ${what}`,
    'PROCEDURE.START': () => "Go to the procedure's website",
    'PROCEDURE.CLOSE': () => 'Back to the home screen',
    'SITE.CLOSE': () => 'Close the website',
    'MEASURE.DONE': () => 'Finish the measurement',
    'MEASURE.CANCEL': () => 'Cancel the measurement',
    'VISIT.FINISH': () => 'End the visit',
  },
};

/** The agent's browser decides: English when it prefers English, French otherwise. */
export const agentTextFor = (browserLanguage: string): AgentText => (browserLanguage.toLowerCase().startsWith('en') ? en : fr);
