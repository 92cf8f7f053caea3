import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../common/language';
import { ar } from './ar';
import { en } from './en';
import { fr, type Messages } from './fr';

/** Adding a language to common/language.ts makes this line ask for its translations. */
const resources: Record<Language, { translation: Messages }> = {
  fr: { translation: fr },
  en: { translation: en },
  // Arabic's extra plural forms are keys French lacks; i18next looks them up by name, whatever the type says.
  ar: { translation: ar },
};

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: Messages };
  }
}

/** Screens ask for their language explicitly (`useTranslation(undefined, { lng })`): the snapshot decides, not this default. */
export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources,
  lng: 'fr',
  fallbackLng: 'fr',
  initAsync: false,
  // React already escapes what it renders.
  interpolation: { escapeValue: false },
});
