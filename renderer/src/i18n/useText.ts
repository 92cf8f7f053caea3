import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../common/language';
import { i18n } from './index';

/** Texts in the snapshot's language: the language comes from the host, never from a global setting. */
export function useText(language: Language): TFunction {
  return useTranslation(undefined, { lng: language }).t;
}

/** Texts in another language, for the lines repeated underneath before a language is chosen. */
export function textIn(language: Language): TFunction {
  return i18n.getFixedT(language);
}
