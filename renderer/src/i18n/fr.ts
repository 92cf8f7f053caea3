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
    /** Under the invitation: what the kiosk is for, in a few everyday words. */
    purpose: 'Vos démarches en ligne, pas à pas',
  },
  language: {
    title: 'Choisissez votre langue',
  },
  consent: {
    title: 'Avant de commencer',
    notice: "La borne ne garde rien de vous. Tout est effacé à la fin.",
    nothingKept: "La borne ne garde pas votre nom, ni vos papiers, ni ce que vous tapez.",
    helpNear: "Vous pouvez demander de l'aide à tout moment.",
    accept: "J'ai compris",
    decline: 'Non merci',
  },
  /** The page of one procedure, before its official site opens. */
  /** The procedure's memo on the receipt printer, from its guide. */
  memo: {
    title: 'Un mémo à emporter',
    explain: 'La borne imprime sur un ticket les papiers à préparer et les étapes.',
    inFrench: 'Le ticket est imprimé en français.',
    print: 'Imprimer le mémo',
    printing: 'Impression en cours…',
    printed: "Votre mémo est imprimé : prenez-le à l'imprimante.",
    failed: "Le mémo n'a pas pu être imprimé. Demandez à l'accueil.",
  },
  guide: {
    minutes_one: 'Environ {{count}} minute',
    minutes_other: 'Environ {{count}} minutes',
    summary: "En bref",
    documents: 'À préparer',
    noDocuments: "Vous n'avez besoin d'aucun papier.",
    steps: 'Les étapes',
    goingTo: 'Vous irez sur :',
    start: 'Aller sur le site',
    back: 'Retour',
  },
  /** "Ask for help": on home, in the guide; an agent answers it in assisted mode. */
  help: {
    ask: "Demander de l'aide",
  },
  home: {
    greeting: 'Bonjour !',
    question: 'Que voulez-vous faire ?',
    themes: 'Les thèmes',
    minutes: '{{count}} min',
    minutesLong_one: 'environ {{count}} minute',
    minutesLong_other: 'environ {{count}} minutes',
    devices: 'Mesures de santé',
    intro: 'Vous pouvez prendre vos mesures avec les appareils.',
    finish: "J'ai terminé",
    sites: 'Sites officiels',
    calls: "Parler à quelqu'un en vidéo",
    callKind: { appointment: 'Rendez-vous en visio', teleconsultation: 'Téléconsultation avec un médecin' },
  },
  /** The home screen's search by word. */
  search: {
    label: 'Chercher une démarche',
    placeholder: 'Ex. : passeport',
    clear: 'Effacer',
    found_one: '{{count}} démarche trouvée',
    found_other: '{{count}} démarches trouvées',
    nothing: 'Aucune démarche trouvée pour « {{query}} ».',
    nothingHelp: "Essayez un autre mot, ou demandez de l'aide.",
    showAll: 'Voir toutes les démarches',
  },
  /** Life events (LIFE_EVENT_GROUPS in common/procedure-catalog.ts), as a person thinks of them. */
  groups: {
    identity: "Papiers d'identité",
    family: 'Famille et enfants',
    health: 'Santé',
    work: 'Travail et emploi',
    housing: 'Logement',
    taxes: 'Impôts',
    transport: 'Voiture et permis',
    retirement: 'Retraite',
    citizenship: 'Citoyenneté',
    education: 'Études',
    energy: 'Énergie',
  },
  /** The kiosk page while a site opens, or when it cannot be reached; Borne's bar on the site has its own words (main/shells/site-bar). */
  site: {
    opening: 'Ouverture du site…',
    unreachable: 'Ce site ne répond pas',
    unreachableDetail: "Le site {{host}} ne s'ouvre pas pour le moment.",
    unreachableHelp: "Vous pouvez réessayer plus tard, ou demander de l'aide à l'accueil.",
    back: 'Retour',
  },
  /** What every device card and measurement step says, whatever the device. */
  device: {
    status: { connecting: 'En préparation', ready: 'Prêt', offline: 'Indisponible' },
    resultHere: "Le résultat va s'afficher ici.",
    offlineHelp: "Vous pouvez demander de l'aide à l'accueil.",
    /** While a measurement step waits for the device's reading. */
    measuring: 'En attente de la mesure…',
    cancel: 'Passer cette mesure',
    retry: 'Réessayer',
    again: 'Mesurer à nouveau',
    done: 'Continuer',
  },
  /**
   * One block per measuring kind (MEASURING_KINDS in common/devices.ts), with the same keys; a printer
   * (PRINTER_KINDS) or a card reader (READER_KINDS) has only its title, for the staff's device list.
   */
  thermometer: {
    title: 'Thermomètre',
    start: 'Prendre ma température',
    connecting: 'Le thermomètre se prépare. Merci de patienter.',
    waiting: 'Prenez votre température avec le thermomètre.',
    reading: 'Votre température',
    offline: 'Le thermomètre ne marche pas pour le moment.',
    /** When the step waited the device's readingTimeoutSeconds and no reading came. */
    noReading: "Le thermomètre n'a pas donné de mesure.",
    noReadingHelp: "Vérifiez qu'il est allumé, puis réessayez.",
  },
  pulseOximeter: {
    title: 'Oxymètre',
    start: 'Mesurer mon oxygène',
    connecting: "L'oxymètre se prépare. Merci de patienter.",
    waiting: "Mettez un doigt dans la pince de l'oxymètre. Ne bougez plus.",
    reading: 'Oxygène dans le sang',
    offline: "L'oxymètre ne marche pas pour le moment.",
    noReading: "L'oxymètre n'a pas donné de mesure.",
    noReadingHelp: "Vérifiez qu'il est allumé, puis réessayez.",
    pulse: 'Pouls : {{pulse}} battements par minute',
    /** What the oximeter noticed (OXIMETRY_FLAGS in common/measurements.ts): said as its observation, never a diagnosis. */
    noticed: {
      questionableMeasurement: "L'oxymètre a signalé une mesure douteuse.",
      lowPerfusion: "L'oxymètre a remarqué que le signal du doigt était faible.",
      weakSignal: "L'oxymètre a remarqué que le signal était faible.",
      sensorDisplaced: "L'oxymètre a remarqué que la pince était mal placée.",
    },
  },
  bloodPressureMonitor: {
    title: 'Tensiomètre',
    start: 'Mesurer ma tension',
    connecting: 'Le tensiomètre se prépare. Merci de patienter.',
    waiting: 'Mettez le brassard sur votre bras gauche, la paume vers le haut, et ne bougez plus.',
    press: 'Appuyez sur le bouton du tensiomètre.',
    duration: 'La mesure dure environ une minute : le brassard serre, puis se desserre.',
    reading: 'Votre tension',
    offline: 'Le tensiomètre ne marche pas pour le moment.',
    noReading: "Le tensiomètre n'a pas donné de mesure.",
    noReadingHelp: "Vérifiez qu'il est allumé, puis réessayez.",
    pulse: 'Pouls : {{pulse}} battements par minute',
    /** What the monitor noticed (BLOOD_PRESSURE_FLAGS in common/measurements.ts): said as its observation, never a diagnosis. */
    noticed: {
      irregularPulse: 'Le tensiomètre a remarqué un pouls irrégulier.',
      bodyMovement: 'Le tensiomètre a remarqué que vous avez bougé.',
      cuffTooLoose: 'Le tensiomètre a remarqué que le brassard était trop lâche.',
      improperPosition: "Le tensiomètre a remarqué que le brassard n'était pas bien placé.",
    },
  },
  scale: {
    title: 'Balance',
    start: 'Me peser',
    connecting: 'La balance se prépare. Merci de patienter.',
    waiting: 'Montez sur la balance et ne bougez plus.',
    reading: 'Votre poids',
    offline: 'La balance ne marche pas pour le moment.',
    noReading: "La balance n'a pas donné de mesure.",
    noReadingHelp: "Vérifiez qu'elle est allumée, puis réessayez.",
    /** Height and BMI come from the scale's settings, when it has them. */
    bodyMass: 'Taille : {{height}} · IMC : {{bmi}}',
  },
  receiptPrinter: {
    title: 'Imprimante de tickets',
  },
  documentPrinter: {
    title: 'Imprimante de documents',
  },
  smartCardReader: {
    title: 'Lecteur de carte à puce',
  },
  badgeReader: {
    title: 'Lecteur de badges',
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
  /** The "see and listen" sheet on every screen of a visit: text size, contrast, read-aloud. */
  access: {
    open: 'Voir et écouter',
    textSize: 'Taille du texte',
    percent: '{{size}} %',
    contrast: 'Couleurs',
    contrasts: { standard: 'Normales', high: 'Fort contraste' },
    listen: "Écouter l'écran",
    stop: 'Arrêter la lecture',
    listenFailed: 'La lecture ne marche pas pour le moment.',
    close: 'Fermer',
  },
  /** The on-screen keyboard, under the screen while a text field has the focus. */
  keyboard: {
    label: 'Clavier',
    shift: 'Majuscule',
    switch: 'Passer au clavier {{layout}}',
    space: 'Espace',
    erase: 'Effacer',
    hide: 'Masquer',
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
    question: "Comment ça s'est passé ?",
    optional: 'Répondre est facultatif.',
    rating: { good: 'Bien', neutral: 'Moyen', bad: 'Pas bien' },
    thanks: 'Merci pour votre réponse !',
  },
  wipe: {
    title: 'Préparation de la borne…',
  },
  /** Shown on every screen while test automation can drive the kiosk: for testers and staff, never visitors. */
  /** Assisted mode: who drives the visit, shown on every screen of it (renderer/src/assist/HandBanner.tsx). */
  hand: {
    yours: 'Vous avez la main.',
    yoursHelpComing: 'Vous avez la main. Un agent va venir vous aider.',
    agent: "{{name}}, agent d'accueil, a la main.",
    reclaim: 'Reprendre la main',
  },
  testMode: {
    banner: 'Mode test : la borne est pilotable à distance',
  },
  /** The administrator's screens: for staff, plain but not for visitors; device details may be technical. */
  admin: {
    pinTitle: 'Accès administrateur',
    pinPrompt: 'Tapez le code.',
    pinDigits: 'Chiffres tapés : {{count}}',
    checking: 'Vérification…',
    wrong_one: 'Code incorrect. Encore {{count}} essai.',
    wrong_other: 'Code incorrect. Encore {{count}} essais.',
    locked_one: "Trop d'essais. Réessayez dans {{count}} minute.",
    locked_other: "Trop d'essais. Réessayez dans {{count}} minutes.",
    erase: 'Effacer',
    validate: 'Valider',
    cancel: 'Annuler',
    panelTitle: 'Administration',
    devicesTitle: 'Appareils',
    noDevices: 'Aucun appareil dans ce profil.',
    health: {
      ok: 'en service',
      degraded: 'perturbé',
      absent: 'absent',
      error: 'en panne',
      lastError: 'Dernier incident à {{time}} : {{message}}',
      counts: 'Trames illisibles : {{malformed}} · valeurs rejetées : {{refused}}',
      /** A printer's paper roll and cover (PrinterCondition in common/devices.ts). */
      paper: { ok: 'Papier : ok', 'near-end': 'Papier : bientôt fini', out: 'Papier : épuisé', unknown: 'Papier : inconnu' },
      coverOpen: 'Capot ouvert',
    },
    maintenanceOn: 'Mode maintenance : activé',
    maintenanceOff: 'Mode maintenance : désactivé',
    turnMaintenanceOn: 'Activer la maintenance',
    turnMaintenanceOff: 'Désactiver la maintenance',
    restart: 'Redémarrer la borne',
    exitToDesktop: 'Quitter vers le bureau',
    close: 'Fermer',
  },
  outOfService: {
    title: 'Borne momentanément indisponible',
    detail: 'Merci de revenir un peu plus tard.',
    help: "Vous pouvez demander de l'aide à l'accueil.",
  },
};

/** The shape every language must fill in: same keys, any text. */
export type Messages = typeof fr;
