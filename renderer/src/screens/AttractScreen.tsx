import { InOtherLanguages } from '../components/InOtherLanguages';
import { TouchPictogram } from '../components/pictograms';
import { NATIVE_LANGUAGE_NAMES } from '../i18n/languageNames';
import { textIn } from '../i18n/useText';
import { useCycle, useReducedMotion } from '../motion/useReducedMotion';
import { otherLanguages, type ScreenProps } from './screenProps';

/** Long enough to read the invitation twice at a slow pace. */
export const INVITATION_CYCLE_MS = 4_000;

/**
 * Between visits: the whole screen is one button, so any touch starts a visit. The welcome passes
 * gently through the offered languages, so a passer-by who reads little French still feels invited;
 * with reduced motion it stays still and the other languages are written underneath instead.
 */
export function AttractScreen({ snapshot, send }: ScreenProps) {
  const languages = [snapshot.language, ...otherLanguages(snapshot)];
  const still = useReducedMotion();
  const language = languages[useCycle(languages.length, INVITATION_CYCLE_MS, still)] ?? snapshot.language;
  const t = textIn(language);
  return (
    <main className="screen screen--blue" data-screen="attract">
      <button type="button" className="touch-surface" onClick={() => send({ type: 'SESSION.START' })}>
        <span className="attract__touch" aria-hidden="true">
          <TouchPictogram className="pictogram pictogram--hero pictogram--pulse" />
        </span>
        {/* Keyed by language: each change draws the lines afresh, with their fade-in. */}
        <span key={language} className="attract__welcome" lang={language} dir="auto">
          <span className="title">{t('attract.title')}</span>
          <span className="lead">{t('attract.invitation')}</span>
          <span className="attract__purpose">{t('attract.purpose')}</span>
        </span>
        {still && <InOtherLanguages languages={otherLanguages(snapshot)} texts={['attract.invitation']} className="lead" />}
        {languages.length > 1 && (
          <span className="attract__languages">
            {languages.map((offered) => (
              <span key={offered} lang={offered} className={offered === language ? 'attract__language attract__language--shown' : 'attract__language'}>
                {NATIVE_LANGUAGE_NAMES[offered]}
              </span>
            ))}
          </span>
        )}
      </button>
    </main>
  );
}
