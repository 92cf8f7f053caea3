import type { ParseKeys } from 'i18next';
import { textDirection, type Language } from '../../../common/language';
import { textIn } from '../i18n/useText';

interface Props {
  /** Languages to repeat the lines in, in the order shown. */
  languages: readonly Language[];
  /** The lines, shown in this order for each language. */
  texts: readonly ParseKeys[];
  className?: string;
}

/**
 * The same lines again in each other language, for screens shown before anyone has chosen a
 * language: someone who does not read French still knows what to do.
 */
export function InOtherLanguages({ languages, texts, className = '' }: Props) {
  return languages.flatMap((language) =>
    texts.map((text) => (
      <span key={`${language}:${text}`} lang={language} dir={textDirection(language)} className={`other-language ${className}`}>
        {textIn(language)(text)}
      </span>
    )),
  );
}
