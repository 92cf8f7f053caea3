import { useEffect, useState } from 'react';

export type TextField = HTMLInputElement | HTMLTextAreaElement;

/** The input types the keyboard types into: text with a caret (email and number inputs have none to place). */
const TYPED = new Set(['text', 'search', 'url', 'tel']);

/** A kiosk field the on-screen keyboard may type into: editable text, not opted out with data-keyboard="off". */
export function isTypedField(element: Element | null): element is TextField {
  if (!(element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement)) return false;
  if (element.readOnly || element.disabled || element.dataset.keyboard === 'off') return false;
  return element instanceof HTMLTextAreaElement || TYPED.has(element.type);
}

/**
 * The text field that has the focus now, or null. The keyboard's own keys never take the focus (they
 * cancel their pointerdown), so the field keeps it, with its caret, while the person types.
 */
export function useFocusedField(): TextField | null {
  const [field, setField] = useState<TextField | null>(() => (isTypedField(document.activeElement) ? document.activeElement : null));
  useEffect(() => {
    const update = () => setField(isTypedField(document.activeElement) ? document.activeElement : null);
    /*
     * A press on something else (a search result) moves the focus at pointerdown. Hiding the keyboard
     * then would move the page under the finger, and the release would land elsewhere: no click. So
     * while a press lasts the keyboard stays, and it is updated once the press has made its click.
     */
    let pressing = false;
    const press = () => { pressing = true; };
    const release = () => { pressing = false; setTimeout(update, 0); };
    // focusout fires before the next element has the focus: look once it has.
    const focusIn = () => { if (!pressing) update(); };
    const focusOut = () => { if (!pressing) queueMicrotask(update); };
    const listeners = [['pointerdown', press], ['pointerup', release], ['pointercancel', release], ['focusin', focusIn], ['focusout', focusOut]] as const;
    for (const [type, listener] of listeners) document.addEventListener(type, listener, true);
    return () => {
      for (const [type, listener] of listeners) document.removeEventListener(type, listener, true);
    };
  }, []);
  return field;
}
