import { describe, expect, it } from 'vitest';
import { ReceiptSchema } from '../../../../common/print-job';
import { encodeReceipt } from '../../../../devices/codecs/escpos-receipt';
import { describeCatalogProblem, loadCatalog } from '../../../../kiosk-config/catalog-load';
import { memoLanguage, procedureMemo } from '../../../../main/session/procedure-memo';

const loaded = await loadCatalog(undefined, { languages: ['fr', 'en', 'ar'] });
if (!loaded.ok) throw new Error(`the shipped catalog is invalid:\n${loaded.error.map(describeCatalogProblem).join('\n')}`);
const { procedures } = loaded.value;
const passport = procedures.find((procedure) => procedure.id === 'passport')!;

describe("a procedure's printed memo", () => {
  it('holds the title, the summary, the papers, the numbered steps and the official site, from the catalog alone', () => {
    const memo = procedureMemo(passport, 'fr')!;
    const texts = passport.texts.fr!;
    const lines = memo.lines.map((line) => line.text);
    expect(memo.title).toBe(texts.title);
    expect(lines.slice(0, texts.summary.length)).toEqual(texts.summary);
    expect(lines).toContain('Les papiers à avoir');
    expect(lines).toContain(`- ${texts.documents[0]}`);
    expect(lines).toContain(`1. ${texts.steps[0]}`);
    expect(lines).toContain(new URL(passport.allow[0]!.origin).host);
    expect(memo.lines.at(-1)).toEqual({ text: 'Mémo imprimé par la borne. Il ne contient aucune donnée personnelle.', centred: true });
  });

  it('is printed in French for a visit in a script the receipt printer lacks (Arabic), in English for English', () => {
    expect(memoLanguage('ar')).toBe('fr');
    expect(memoLanguage('en')).toBe('en');
    expect(procedureMemo(passport, 'ar')).toEqual(procedureMemo(passport, 'fr'));
    expect(procedureMemo(passport, 'en')!.title).toBe(passport.texts.en!.title);
  });

  it('cuts a step longer than a receipt line between words, losing nothing', () => {
    const long = 'mot '.repeat(59) + 'fin';
    const memo = procedureMemo({ ...passport, texts: { fr: { ...passport.texts.fr!, steps: [long] } } }, 'fr')!;
    const step = memo.lines.slice(memo.lines.findIndex((line) => line.text.startsWith('1. ')));
    expect(step[0]!.text.length).toBeLessThanOrEqual(200);
    expect(`${step[0]!.text} ${step[1]!.text}`).toBe(`1. ${long}`);
  });

  it.each(['fr', 'en'] as const)('is a valid receipt for every shipped procedure in %s, every character printable in PC858', (language) => {
    for (const procedure of procedures) {
      const memo = ReceiptSchema.parse(procedureMemo(procedure, language));
      expect(encodeReceipt(memo, 'pc858').unprintable, procedure.id).toBe(0);
    }
  });
});
