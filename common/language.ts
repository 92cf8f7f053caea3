import { z } from 'zod';

/** Languages the kiosk can speak. Adding one here makes the renderer's typecheck ask for its translations. */
export const LANGUAGES = ['fr', 'en'] as const;
export const LanguageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof LanguageSchema>;
