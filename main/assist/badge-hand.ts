import type { Logger } from '../log';
import type { AssistedMode } from './assisted-mode';

/**
 * An agent's badge read at the kiosk (its opaque id, never the number) goes to assisted mode, which
 * takes or gives back the hand; the log says what came of it, never the id.
 */
export async function badgeToHand(assist: AssistedMode | null, badgeId: string, log: Logger): Promise<void> {
  if (!assist) {
    log.warn('a badge was read, but this kiosk has no assisted mode (no "assist" section in its profile)');
    return;
  }
  try {
    log.info({ outcome: await assist.badgeRead(badgeId) }, 'agent badge read');
  } catch (error) {
    log.error({ err: error }, 'an agent badge could not be checked');
  }
}
