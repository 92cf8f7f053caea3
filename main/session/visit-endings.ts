/** What ends a visit or its end screen from outside it, straight to the wipe: nobody comes back to half a visit. */
export const ENDED_FROM_OUTSIDE = {
  // The page crashed or hung: it is wiped.
  'WATCHDOG.RECOVERED': 'wipe',
  'WATCHDOG.GAVE_UP': { target: 'wipe', actions: 'markOutOfOrder' },
  // The administrator's gesture: nobody's data is on screen behind the PIN.
  'ADMIN.OPEN': { guard: 'adminConfigured', target: 'wipe', actions: 'requestAdmin' },
  // The fleet's "wipe now": nothing kept.
  'FLEET.WIPE': 'wipe',
} as const;
