import type { Messages } from './fr';

export const en: Messages = {
  connecting: {
    title: 'Connecting…',
    detail: 'The kiosk is starting. Please wait.',
  },
  attract: {
    title: 'Welcome',
    invitation: 'Touch the screen to start',
  },
  language: {
    title: 'Choose your language',
  },
  home: {
    greeting: 'Hello!',
    intro: 'You can take your measurements with the devices.',
    finish: "I'm done",
    sites: 'Official websites',
  },
  site: {
    opening: 'Opening the website…',
    unreachable: 'This website is not answering',
    unreachableDetail: 'The website {{host}} cannot be opened right now.',
    unreachableHelp: 'You can try again later, or ask for help at the front desk.',
    back: 'Back',
  },
  device: {
    status: { connecting: 'Getting ready', ready: 'Ready', offline: 'Not available' },
    resultHere: 'The result will show here.',
    offlineHelp: 'You can ask for help at the front desk.',
    offlineDetail: 'For staff: {{reason}}',
    cancel: 'Cancel',
    retry: 'Try again',
    done: 'Continue',
  },
  thermometer: {
    title: 'Thermometer',
    start: 'Take my temperature',
    connecting: 'The thermometer is getting ready. Please wait.',
    waiting: 'Take your temperature with the thermometer.',
    reading: 'Your temperature',
    offline: 'The thermometer is not working right now.',
  },
  pulseOximeter: {
    title: 'Pulse oximeter',
    start: 'Measure my oxygen',
    connecting: 'The pulse oximeter is getting ready. Please wait.',
    waiting: 'Put a finger in the clip of the pulse oximeter. Keep still.',
    reading: 'Oxygen in the blood',
    offline: 'The pulse oximeter is not working right now.',
    pulse: 'Pulse: {{pulse}} beats a minute',
  },
  bodySite: {
    armpit: 'Taken under the arm',
    body: 'Taken on the body',
    ear: 'Taken in the ear',
    finger: 'Taken on the finger',
    'gastro-intestinal': 'Taken in the digestive tract',
    mouth: 'Taken in the mouth',
    rectum: 'Taken rectally',
    toe: 'Taken on the toe',
    tympanum: 'Taken in the ear',
  },
  idle: {
    question: 'Are you still there?',
    explain: 'Touch the button to continue.',
    seconds_one: 'second',
    seconds_other: 'seconds',
    stay: "I'm still here",
  },
  end: {
    title: 'Thank you, goodbye',
    privacy: 'Your information will be erased from the kiosk.',
    dismiss: 'Touch the screen to finish',
  },
  wipe: {
    title: 'Getting the kiosk ready…',
  },
  testMode: {
    banner: 'Test mode: this kiosk can be remote-controlled',
  },
  outOfService: {
    title: 'Kiosk temporarily unavailable',
    detail: 'Please come back a little later.',
    help: 'You can ask for help at the front desk.',
  },
};
