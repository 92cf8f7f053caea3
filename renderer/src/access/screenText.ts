import { SPEECH_MAX_CHARS } from '../../../common/accessibility';

/** Elements after which a reader should pause, as after a sentence. */
const BLOCKS = new Set(['H1', 'H2', 'H3', 'H4', 'P', 'LI', 'BUTTON', 'LABEL', 'DT', 'DD', 'FIGCAPTION', 'LEGEND']);

/**
 * The text a person would read on the screen, in reading order, as sentences to speak: hidden parts
 * and pictograms (aria-hidden) left out, a full stop after each heading, paragraph and button that has
 * none, at most `maxChars` characters (cut at a word).
 */
export function screenText(root: Element, maxChars = SPEECH_MAX_CHARS): string {
  const sentences: string[] = [];
  let pending = '';
  const flush = () => {
    const sentence = pending.replace(/\s+/g, ' ').trim();
    pending = '';
    if (sentence) sentences.push(/[.!?:…»"']$/.test(sentence) ? sentence : `${sentence}.`);
  };
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) { pending += ` ${node.textContent ?? ''}`; return; }
    if (!(node instanceof Element) || node.matches('[aria-hidden="true"], [hidden], script, style, svg')) return;
    const block = BLOCKS.has(node.tagName);
    if (block) flush();
    node.childNodes.forEach(walk);
    if (block) flush();
  };
  walk(root);
  flush();
  return bounded(sentences.join(' '), maxChars);
}

function bounded(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const cut = text.slice(0, maxChars);
  const lastSpace = cut.lastIndexOf(' ');
  return lastSpace > maxChars / 2 ? cut.slice(0, lastSpace) : cut;
}
