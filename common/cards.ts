import { z } from 'zod';

/**
 * Cards a kiosk's reader may recognise. Only the kind is ever known to the session: never a number,
 * a name or anything read from the card, which stays in the device layer.
 */
export const CARD_KINDS = ['health-insurance', 'identity'] as const;
export const CardKindSchema = z.enum(CARD_KINDS);
export type CardKind = z.infer<typeof CardKindSchema>;
