import type { Language } from '../../common/language';
import type { Procedure } from '../../common/procedure-catalog';
import { MEMO_LANGUAGES } from '../../common/visit-views';
import { RECEIPT_TEXT_MAX, type Receipt, type ReceiptLine } from '../../common/print-job';

/**
 * A procedure's memo, printed on the kiosk's receipt printer for the person to take home: what it is,
 * the papers to bring, the steps and the official site. Only the catalog's words: nothing of the person,
 * nothing they typed, no time of day. A receipt printer prints Latin scripts only (PC858), so a visit
 * in a language it cannot print (Arabic) gets the memo in French, and its screen says so.
 */
interface MemoWords {
  documents: string;
  noDocuments: string;
  steps: string;
  site: string;
  footer: string;
}

const MEMO_WORDS = {
  fr: {
    documents: 'Les papiers à avoir', noDocuments: 'Aucun papier à préparer.', steps: 'Les étapes', site: 'Le site officiel',
    footer: 'Mémo imprimé par la borne. Il ne contient aucune donnée personnelle.',
  },
  en: {
    documents: 'Papers to have at hand', noDocuments: 'No papers to prepare.', steps: 'The steps', site: 'The official website',
    footer: 'Memo printed by the kiosk. It holds no personal data.',
  },
} satisfies Record<MemoLanguage, MemoWords>;
type MemoLanguage = (typeof MEMO_LANGUAGES)[number];

/**
 * A catalog line as receipt lines: a step may be longer than a receipt line may be, so it is cut
 * between words (the printer wraps each line to its paper's width by itself).
 */
function receiptLines(text: string): ReceiptLine[] {
  const lines: ReceiptLine[] = [];
  let rest = text;
  while (rest.length > RECEIPT_TEXT_MAX) {
    const space = rest.lastIndexOf(' ', RECEIPT_TEXT_MAX);
    const cut = space > 0 ? space : RECEIPT_TEXT_MAX;
    lines.push({ text: rest.slice(0, cut) });
    rest = rest.slice(cut).trimStart();
  }
  return [...lines, { text: rest }];
}

/** The language the memo of a visit in `language` is printed in: the visit's own, or French. */
export function memoLanguage(language: Language): MemoLanguage {
  return MEMO_LANGUAGES.find((printable) => printable === language) ?? 'fr';
}

/** The memo of `procedure` for a visit in `language`; null when the catalog has no texts in the memo's language. */
export function procedureMemo(procedure: Procedure, language: Language): Receipt | null {
  const memo = memoLanguage(language);
  const texts = procedure.texts[memo];
  if (!texts) return null;
  const words = MEMO_WORDS[memo];
  const heading = (text: string): ReceiptLine[] => [{ text: '' }, { text, bold: true }];
  const hosts = [...new Set(procedure.allow.map((site) => new URL(site.origin).host))];
  return {
    title: texts.title,
    lines: [
      ...texts.summary.flatMap(receiptLines),
      ...heading(words.documents),
      ...(texts.documents.length > 0 ? texts.documents.flatMap((text) => receiptLines(`- ${text}`)) : [{ text: words.noDocuments }]),
      ...heading(words.steps),
      ...texts.steps.flatMap((text, index) => receiptLines(`${index + 1}. ${text}`)),
      ...heading(words.site),
      ...hosts.map((text) => ({ text })),
      { text: '' },
      { text: words.footer, centred: true },
    ],
  };
}
