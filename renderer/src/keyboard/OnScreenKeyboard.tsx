import { useEffect, useRef, useState, type PointerEvent } from 'react';
import type { Language } from '../../../common/language';
import { useText } from '../i18n/useText';
import { KEYBOARD_LAYOUTS, LAYOUT_IDS, layoutForLanguage, type LayoutId } from '../../../common/keyboard-layouts';
import { typeInto } from './typeInto';
import { useFocusedField } from './useFocusedField';

/** Keys act on pointerdown's click but never take the focus: the field keeps its caret. */
const keepFocus = (event: PointerEvent) => event.preventDefault();

/**
 * The kiosk's on-screen keyboard: it shows while one of the kiosk's own text fields has the focus, in
 * the layout of the visit's language (AZERTY, QWERTY, Arabic) with a key to switch. It sits in the page's
 * column under the screen, not over it, so the screen above shrinks and the focused field is scrolled
 * into what remains: the keyboard never covers it.
 */
export function OnScreenKeyboard({ language }: { language: Language }) {
  const t = useText(language);
  const field = useFocusedField();
  const [layoutId, setLayoutId] = useState<LayoutId>(layoutForLanguage(language));
  const [shift, setShift] = useState(false);
  const dock = useRef<HTMLDivElement>(null);
  useEffect(() => setLayoutId(layoutForLanguage(language)), [language]);

  // Once the keyboard has taken its room, the field is brought back into view above it.
  useEffect(() => {
    if (!field || !dock.current) return;
    const reveal = () => field.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    reveal();
    const observer = new ResizeObserver(reveal);
    observer.observe(dock.current);
    return () => observer.disconnect();
  }, [field, layoutId]);

  if (!field) return null;
  const layout = KEYBOARD_LAYOUTS[layoutId];
  const rows = shift && layout.shifted ? layout.shifted : layout.rows;
  const next = LAYOUT_IDS[(LAYOUT_IDS.indexOf(layoutId) + 1) % LAYOUT_IDS.length]!;
  const type = (text: string) => {
    typeInto(field, text);
    setShift(false);
  };

  return (
    <div ref={dock} className="keyboard" role="group" aria-label={t('keyboard.label')} data-layout={layoutId}>
      {rows.map((row, index) => (
        <div key={index} className="keyboard__row" dir="ltr">
          {row.map((key) => (
            <button key={key} type="button" className="keyboard__key" onPointerDown={keepFocus} onClick={() => type(key)}>{key}</button>
          ))}
        </div>
      ))}
      <div className="keyboard__row">
        {layout.shifted && (
          <button type="button" className="keyboard__key keyboard__key--wide" aria-pressed={shift} onPointerDown={keepFocus}
            onClick={() => setShift(!shift)}>⇧ <span className="keyboard__word">{t('keyboard.shift')}</span></button>
        )}
        <button type="button" className="keyboard__key keyboard__key--wide" onPointerDown={keepFocus}
          onClick={() => setLayoutId(next)} aria-label={t('keyboard.switch', { layout: KEYBOARD_LAYOUTS[next].name })}>
          {KEYBOARD_LAYOUTS[next].name}
        </button>
        <button type="button" className="keyboard__key keyboard__key--space" onPointerDown={keepFocus} onClick={() => type(' ')}>
          {t('keyboard.space')}
        </button>
        <button type="button" className="keyboard__key keyboard__key--wide" onPointerDown={keepFocus}
          onClick={() => typeInto(field, { erase: true })}><span className="keyboard__symbol pictogram--directional">⌫</span> <span className="keyboard__word">{t('keyboard.erase')}</span></button>
        <button type="button" className="keyboard__key keyboard__key--wide" onPointerDown={keepFocus}
          onClick={() => field.blur()}>{t('keyboard.hide')}</button>
      </div>
    </div>
  );
}
