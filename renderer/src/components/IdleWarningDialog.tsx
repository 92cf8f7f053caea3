import { useEffect, useRef } from 'react';
import type { Language } from '../../../common/language';
import { useText } from '../i18n/useText';

interface Props {
  secondsLeft: number;
  language: Language;
  /** The person answered: the host decides whether that keeps the visit going. */
  onStillHere: () => void;
}

/** The host counts down before ending an idle visit; this asks the person, with one obvious answer. */
export function IdleWarningDialog({ secondsLeft, language, onStillHere }: Props) {
  const t = useText(language);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => button.current?.focus(), []);

  return (
    <div className="backdrop">
      <div
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="idle-question"
        aria-describedby="idle-countdown idle-explain"
        className="dialog"
      >
        <h2 id="idle-question" className="title">{t('idle.question')}</h2>
        <p id="idle-countdown" className="countdown">
          <span className="countdown__digits">{secondsLeft}</span>
          {/* A real space: the description reads "12 seconds", not "12seconds", whatever the CSS does. */}
          {' '}
          <span className="countdown__unit">{t('idle.seconds', { count: secondsLeft })}</span>
        </p>
        <p id="idle-explain" className="lead">{t('idle.explain')}</p>
        <button ref={button} type="button" className="button button--primary" onClick={onStillHere}>
          {t('idle.stay')}
        </button>
      </div>
    </div>
  );
}
