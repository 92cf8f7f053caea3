/**
 * Types into a kiosk field as a physical keyboard would: at the caret, replacing a selection, then an
 * `input` event, so React's onChange sees it (a controlled input ignores a plain `value =`).
 */
export function typeInto(field: HTMLInputElement | HTMLTextAreaElement, text: string | { erase: true }): void {
  const start = field.selectionStart ?? field.value.length;
  const end = field.selectionEnd ?? start;
  let value: string;
  let caret: number;
  if (typeof text === 'string') {
    if (field.maxLength >= 0 && field.value.length - (end - start) + text.length > field.maxLength) return;
    value = field.value.slice(0, start) + text + field.value.slice(end);
    caret = start + text.length;
  } else {
    // Erase the selection, or the character before the caret (a whole surrogate pair, never half of one).
    const from = start !== end ? start : Math.max(0, start - (/[\uDC00-\uDFFF]/.test(field.value[start - 1] ?? '') ? 2 : 1));
    value = field.value.slice(0, from) + field.value.slice(end);
    caret = from;
  }
  const prototype = field instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(prototype, 'value')!.set!.call(field, value);
  field.setSelectionRange(caret, caret);
  field.dispatchEvent(new Event('input', { bubbles: true }));
}
