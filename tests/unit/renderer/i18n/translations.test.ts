import { describe, expect, it } from 'vitest';
import { LANGUAGES, type Language } from '../../../../common/language';
import { ar } from '../../../../renderer/src/i18n/ar';
import { en } from '../../../../renderer/src/i18n/en';
import { fr } from '../../../../renderer/src/i18n/fr';

const MESSAGES: Record<Language, object> = { fr, en, ar };
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** Every text as `path.to.key` → text. */
function flatten(messages: object, prefix = ''): Map<string, string> {
  const texts = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    if (typeof value === 'string') texts.set(prefix + key, value);
    else for (const [path, text] of flatten(value as object, `${prefix}${key}.`)) texts.set(path, text);
  }
  return texts;
}

/** The keys a person's words are looked up by: `idle.seconds`, not `idle.seconds_one`. */
const lookedUpKeys = (texts: Map<string, string>) => [...new Set([...texts.keys()].map((key) => key.replace(PLURAL_SUFFIX, '')))];
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();

describe.each(LANGUAGES.filter((language) => language !== 'fr'))('the %s texts', (language) => {
  const reference = flatten(fr);
  const texts = flatten(MESSAGES[language]);

  it('have exactly the keys of fr.ts, in the same order, so each new French text is translated', () => {
    expect(lookedUpKeys(texts)).toEqual(lookedUpKeys(reference));
  });

  it('give every counted text each plural form the language has (Arabic has six), and no other', () => {
    const forms = new Intl.PluralRules(language).resolvedOptions().pluralCategories.map((form) => `_${form}`).sort();
    for (const key of lookedUpKeys(reference).filter((key) => reference.has(`${key}_other`))) {
      const given = [...texts.keys()].filter((path) => path.replace(PLURAL_SUFFIX, '') === key).map((path) => path.slice(key.length)).sort();
      expect(given, key).toEqual(forms);
    }
  });

  it('keep the placeholders of the French text, and leave none empty', () => {
    for (const [path, text] of texts) {
      expect(text.trim(), path).not.toBe('');
      const french = reference.get(path) ?? reference.get(path.replace(PLURAL_SUFFIX, '_other'))!;
      // A plural form may say the count in words ("one try left") instead of {{count}}.
      if (PLURAL_SUFFIX.test(path)) expect(placeholders(text).filter((name) => name !== 'count'), path).toEqual(placeholders(french).filter((name) => name !== 'count'));
      else expect(placeholders(text), path).toEqual(placeholders(french));
    }
  });
});

describe('Arabic counts through i18next', () => {
  it('picks the form the number needs, never the French fallback', async () => {
    const { textIn } = await import('../../../../renderer/src/i18n/useText');
    const t = textIn('ar');
    expect([1, 2, 5, 12, 100].map((count) => t('admin.wrong', { count }))).toEqual([
      'رمز خاطئ. بقيت محاولة واحدة.', 'رمز خاطئ. بقيت محاولتان.', 'رمز خاطئ. بقيت 5 محاولات.', 'رمز خاطئ. بقيت 12 محاولة.', 'رمز خاطئ. بقيت 100 محاولة.',
    ]);
    expect(t('idle.seconds', { count: 7 })).toBe('ثوانٍ');
  });
});
