import { useEffect, useRef, useState } from 'react';
import { CONTRASTS, TEXT_SIZES, type DisplayPreferences } from '../../../common/accessibility';
import type { Screen } from '../../../common/snapshot';
import { EyeAndEarPictogram } from '../components/pictograms';
import { useText } from '../i18n/useText';
import type { ScreenProps } from '../screens/screenProps';
import { screenText } from './screenText';
import { useReadAloud } from './useReadAloud';

/** The screens of a visit that offer the control; attract and end are one big button each. */
export const ACCESS_SCREENS: readonly Screen[] = ['language', 'consent', 'home', 'guide', 'measure', 'site'];

/**
 * "See and listen": a button always in the same corner of a visit's screens, opening a sheet to
 * enlarge the text (100, 150, 200 %), switch to high contrast, and have the screen read aloud. The
 * choices are the visit's (DISPLAY.SET): the host keeps them, and the wipe resets them.
 */
export function AccessControl({ snapshot, send }: ScreenProps) {
  const t = useText(snapshot.language);
  const [open, setOpen] = useState(false);
  const reader = useReadAloud(snapshot.screen);
  const opener = useRef<HTMLButtonElement>(null);
  const sheet = useRef<HTMLElement>(null);
  const { display } = snapshot;

  useEffect(() => {
    if (open) sheet.current?.querySelector<HTMLElement>('button[aria-pressed="true"]')?.focus();
  }, [open]);
  const close = () => {
    setOpen(false);
    opener.current?.focus();
  };
  const choose = (change: Partial<DisplayPreferences>) => send({ type: 'DISPLAY.SET', display: { ...display, ...change } });
  const listen = () => {
    const screen = document.querySelector(`[data-screen="${snapshot.screen}"]`);
    if (screen) reader.say(screenText(screen), snapshot.language);
  };

  return (
    <div className="access">
      <button ref={opener} type="button" className="button access__open" aria-haspopup="dialog" aria-expanded={open}
        onClick={() => setOpen(!open)}>
        <EyeAndEarPictogram className="access__icon" />
        {t('access.open')}
      </button>
      {open && (
        <div className="access__backdrop" onClick={close}>
          <section ref={sheet} role="dialog" aria-modal="true" aria-labelledby="access-title" className="access-sheet"
            onClick={(event) => event.stopPropagation()} onKeyDown={(event) => event.key === 'Escape' && close()}>
            <h2 id="access-title" className="access-sheet__title">{t('access.open')}</h2>
            <div role="group" aria-labelledby="access-text-size" className="access-sheet__group">
              <h3 id="access-text-size">{t('access.textSize')}</h3>
              <div className="access-sheet__choices">
                {TEXT_SIZES.map((textSize) => (
                  <button key={textSize} type="button" className={`button access-sheet__choice access-sheet__size--${textSize}`}
                    aria-pressed={display.textSize === textSize} onClick={() => choose({ textSize })}>
                    <span aria-hidden="true" className="access-sheet__letter">A</span>
                    <span>{t('access.percent', { size: textSize })}</span>
                  </button>
                ))}
              </div>
            </div>
            <div role="group" aria-labelledby="access-contrast" className="access-sheet__group">
              <h3 id="access-contrast">{t('access.contrast')}</h3>
              <div className="access-sheet__choices">
                {CONTRASTS.map((contrast) => (
                  <button key={contrast} type="button" className={`button access-sheet__choice access-sheet__contrast--${contrast}`}
                    aria-pressed={display.contrast === contrast} onClick={() => choose({ contrast })}>
                    {t(`access.contrasts.${contrast}`)}
                  </button>
                ))}
              </div>
            </div>
            <div className="access-sheet__group">
              <button type="button" className="button button--primary" data-speech-state={reader.state}
                onClick={reader.state === 'speaking' ? reader.stop : listen}>
                {t(reader.state === 'speaking' ? 'access.stop' : 'access.listen')}
              </button>
              <p role="status" className="access-sheet__status">{reader.state === 'failed' ? t('access.listenFailed') : ''}</p>
            </div>
            <button type="button" className="button access-sheet__close" onClick={close}>{t('access.close')}</button>
          </section>
        </div>
      )}
    </div>
  );
}
