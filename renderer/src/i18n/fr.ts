/**
 * French, the reference language: every other language must have exactly these keys.
 * Plain, warm and short (FALC): one idea per sentence, everyday words, no jargon.
 */
export const fr = {
  connecting: {
    title: 'Connexion…',
    detail: 'La borne démarre. Merci de patienter.',
  },
  attract: {
    title: 'Bienvenue',
    invitation: "Touchez l'écran pour commencer",
  },
  language: {
    title: 'Choisissez votre langue',
  },
  home: {
    greeting: 'Bonjour !',
    intro: 'Vous pouvez prendre votre température.',
    finish: "J'ai terminé",
  },
  thermometer: {
    title: 'Thermomètre',
    status: { connecting: 'En préparation', ready: 'Prêt', offline: 'Indisponible' },
    connecting: 'Le thermomètre se prépare. Merci de patienter.',
    waiting: 'Prenez votre température avec le thermomètre.',
    resultHere: "Le résultat va s'afficher ici.",
    reading: 'Votre température',
    offline: 'Le thermomètre ne marche pas pour le moment.',
    offlineHelp: "Vous pouvez demander de l'aide à l'accueil.",
    offlineDetail: "Information pour l'agent : {{reason}}",
  },
  /** Where the temperature was taken (see BODY_SITES in common/measurements.ts). */
  bodySite: {
    armpit: 'Prise sous le bras',
    body: 'Prise sur le corps',
    ear: "Prise dans l'oreille",
    finger: 'Prise au doigt',
    'gastro-intestinal': 'Prise par voie digestive',
    mouth: 'Prise dans la bouche',
    rectum: 'Prise par voie rectale',
    toe: "Prise à l'orteil",
    tympanum: "Prise dans l'oreille",
  },
  idle: {
    question: 'Êtes-vous toujours là ?',
    explain: 'Touchez le bouton pour continuer.',
    seconds_one: 'seconde',
    seconds_other: 'secondes',
    stay: 'Je suis toujours là',
  },
  end: {
    title: 'Merci, à bientôt',
    privacy: 'Vos informations vont être effacées de la borne.',
    dismiss: "Touchez l'écran pour terminer",
  },
  wipe: {
    title: 'Préparation de la borne…',
  },
  /** Shown on every screen while test automation can drive the kiosk: for testers and staff, never visitors. */
  testMode: {
    banner: 'Mode test : la borne est pilotable à distance',
  },
  outOfService: {
    title: 'Borne momentanément indisponible',
    detail: 'Merci de revenir un peu plus tard.',
    help: "Vous pouvez demander de l'aide à l'accueil.",
  },
};

/** The shape every language must fill in: same keys, any text. */
export type Messages = typeof fr;
