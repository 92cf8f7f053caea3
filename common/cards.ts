import { z } from 'zod';

/**
 * Cards a kiosk's reader may recognise. Only the kind is ever known to the session: never a number,
 * a name or anything read from the card, which stays in the device layer.
 */
export const CARD_KINDS = ['health-insurance', 'identity'] as const;
export const CardKindSchema = z.enum(CARD_KINDS);
export type CardKind = z.infer<typeof CardKindSchema>;

/**
 * What a smart-card reader tells the host: a card came in and which family it is (`unknown` when no rule
 * of the profile recognised it), or the card went out. Never more than the kind.
 */
export const CardPresenceSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('inserted'), kind: z.union([CardKindSchema, z.literal('unknown')]) }).strict(),
  z.object({ type: z.literal('removed') }).strict(),
]);
export type CardPresence = z.infer<typeof CardPresenceSchema>;
