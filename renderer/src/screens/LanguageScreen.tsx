import { textDirection } from '../../../common/language';
import { InOtherLanguages } from '../components/InOtherLanguages';
import { GlobePictogram } from '../components/pictograms';
import { NATIVE_LANGUAGE_NAMES } from '../i18n/languageNames';
import { useText } from '../i18n/useText';
import { otherLanguages, type ScreenProps } from './screenProps';

/** One large button per offered language, each named in its own language and written in its own direction. */
export function LanguageScreen({ snapshot, send }: ScreenProps) {
  const t = useText(snapshot.language);
  return (
    <main className="screen" data-screen="language">
      <GlobePictogram className="pictogram" />
      <h1 className="title">{t('language.title')}</h1>
      <InOtherLanguages languages={otherLanguages(snapshot)} texts={['language.title']} className="lead" />
      <div className="language-choices">
        {snapshot.offeredLanguages.map((language) => (
          <button
            key={language}
            type="button"
            lang={language}
            dir={textDirection(language)}
            className="button button--choice"
            onClick={() => send({ type: 'LANGUAGE.CHOOSE', language })}
          >
            {NATIVE_LANGUAGE_NAMES[language]}
          </button>
        ))}
      </div>
    </main>
  );
}
