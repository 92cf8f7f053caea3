import { z } from 'zod';

/** Languages the kiosk can speak. Adding one here makes the renderer's typecheck ask for its translations. */
export const LANGUAGES = ['fr', 'en', 'ar'] as const;
export const LanguageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof LanguageSchema>;

/** Which way each language's lines run: the kiosk's pages and Borne's bar on official sites follow it. */
const DIRECTIONS: Record<Language, 'ltr' | 'rtl'> = { fr: 'ltr', en: 'ltr', ar: 'rtl' };

/** `dir` for a page, a block or a line in `language`. */
export function textDirection(language: Language): 'ltr' | 'rtl' {
  return DIRECTIONS[language];
}
