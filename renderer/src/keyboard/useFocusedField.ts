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
    // focusout fires before the next element has the focus: look once it has.
    const later = () => queueMicrotask(update);
    document.addEventListener('focusin', update);
    document.addEventListener('focusout', later);
    return () => {
      document.removeEventListener('focusin', update);
      document.removeEventListener('focusout', later);
    };
  }, []);
  return field;
}
