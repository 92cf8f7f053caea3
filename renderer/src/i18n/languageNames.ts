import type { Language } from '../../../common/language';

/** Each language named in itself, so a person finds theirs without reading French. */
export const NATIVE_LANGUAGE_NAMES: Record<Language, string> = {
  fr: 'Français',
  en: 'English',
  ar: 'العربية',
};
