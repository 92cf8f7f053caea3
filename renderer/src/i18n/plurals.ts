/** The plural forms Arabic has beyond French's `_one` and `_other` (Intl.PluralRules('ar')). */
export const ARABIC_EXTRA_PLURALS = ['zero', 'two', 'few', 'many'] as const;

/**
 * `T` (the French messages' shape) where every counted text (`key_other`) also has Arabic's other
 * forms, so the typecheck asks for each of them: i18next picks `key_few` for 3 to 10, and without it
 * would fall back to French.
 */
export type WithArabicPlurals<T> = {
  [K in keyof T]: T[K] extends string ? string : WithArabicPlurals<T[K]>;
} & {
  [K in keyof T as K extends `${infer Base}_other` ? `${Base}_${(typeof ARABIC_EXTRA_PLURALS)[number]}` : never]: string;
};
