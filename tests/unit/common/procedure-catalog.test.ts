import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { issueLines } from '../../../common/issues';
import {
  isSecureOrLoopback, ProcedureCatalogSchema, ProcedureFactsSchema, ProcedureTextsSchema,
} from '../../../common/procedure-catalog';
import { sampleFacts, sampleTexts } from '../../support/catalog-folder';

/** The `field: reason` lines a schema gives for `input`, or [] when it accepts it. */
function problems(schema: z.ZodType, input: unknown): string[] {
  const parsed = schema.safeParse(input);
  return parsed.success ? [] : issueLines(parsed.error.issues);
}

describe('procedure facts', () => {
  it('accepts a procedure whose start page lies under one of its sites, and defaults demo to false', () => {
    const parsed = ProcedureFactsSchema.parse(sampleFacts);
    expect(parsed.demo).toBe(false);
    expect(parsed.allow).toEqual([{ origin: 'https://passeport.example.gouv.fr', pathPrefix: '/' }]);
  });

  it('refuses a start page outside every site it lists', () => {
    const facts = { ...sampleFacts, allow: [{ origin: 'https://passeport.example.gouv.fr', pathPrefix: '/rdv' }] };
    expect(problems(ProcedureFactsSchema, facts)).toEqual(['start: the start page is outside every listed site: add its site to "allow" or correct the address']);
  });

  it('refuses plain http except on loopback, where tests serve their pages', () => {
    const http = { ...sampleFacts, start: 'http://example.gouv.fr/a', allow: [{ origin: 'http://example.gouv.fr' }] };
    expect(problems(ProcedureFactsSchema, http)).toEqual([
      'start: use https (http is only accepted for loopback test pages)',
      'allow.0.origin: use https (http is only accepted for loopback test pages)',
    ]);
    const loopback = { ...sampleFacts, start: 'http://127.0.0.1:8080/a', allow: [{ origin: 'http://127.0.0.1:8080' }] };
    expect(problems(ProcedureFactsSchema, loopback)).toEqual([]);
    expect(isSecureOrLoopback('http://localhost/x')).toBe(true);
    expect(isSecureOrLoopback('javascript:alert(1)')).toBe(false);
  });

  it('refuses a site that is not an origin, with the lockdown rule\'s own words', () => {
    const facts = { ...sampleFacts, allow: [{ origin: 'https://passeport.example.gouv.fr/demande' }] };
    expect(problems(ProcedureFactsSchema, facts)[0]).toMatch(/^allow\.0\.origin: give an origin/);
  });

  it('names the closed list of groups when the group is not on it', () => {
    expect(problems(ProcedureFactsSchema, { ...sampleFacts, group: 'leisure' })).toEqual([
      'group: choose one of the groups: identity, family, health, work, housing, taxes, transport, retirement, citizenship, education, energy',
    ]);
  });

  it('refuses missing sites, minutes out of range and unknown fields', () => {
    expect(problems(ProcedureFactsSchema, { ...sampleFacts, allow: [] })).toContain('allow: give at least one official site the procedure may reach');
    expect(problems(ProcedureFactsSchema, { ...sampleFacts, minutes: 0 })[0]).toMatch(/^minutes: /);
    expect(problems(ProcedureFactsSchema, { ...sampleFacts, minutes: 2.5 })).toEqual(['minutes: give whole minutes']);
    expect(problems(ProcedureFactsSchema, { ...sampleFacts, minute: 3 })[0]).toMatch(/minute/);
  });
});

describe('procedure texts', () => {
  it('accepts short lines and an explicitly empty list of documents', () => {
    expect(problems(ProcedureTextsSchema, { ...sampleTexts('Passport'), documents: [] })).toEqual([]);
  });

  it('asks for the documents list when it is left out, so "nothing to bring" is said on purpose', () => {
    const { documents: _, ...texts } = sampleTexts('Passport');
    expect(problems(ProcedureTextsSchema, texts)).toEqual(['documents: give the documents to bring as a list ([] when there is none)']);
  });

  it('asks for at least one step and one keyword', () => {
    expect(problems(ProcedureTextsSchema, { ...sampleTexts('Passport'), steps: [], keywords: [] })).toEqual([
      'steps: give at least 1 step', 'keywords: give at least 1 keyword',
    ]);
  });

  it('refuses a line break or a control character, naming the line', () => {
    const texts = { ...sampleTexts('Passport'), steps: ['Open the site.', 'Fill in\nthe form.'] };
    expect(problems(ProcedureTextsSchema, texts)).toEqual(['steps.1: write step on one line, without tabs or control characters']);
  });

  it('bounds lengths in characters as a person counts them, and says by how much', () => {
    expect(problems(ProcedureTextsSchema, { ...sampleTexts('é'.repeat(80)) })).toEqual([]);
    expect(problems(ProcedureTextsSchema, { ...sampleTexts('é'.repeat(81)) })).toEqual(['title: shorten the title to 80 characters or fewer; it has 81']);
    expect(problems(ProcedureTextsSchema, { ...sampleTexts('Passport'), summary: Array(6).fill('Short.') })).toEqual(['summary: keep the summary to 5 or fewer, so it fits a screen']);
  });

  it('refuses a blank title and a title that is not text', () => {
    expect(problems(ProcedureTextsSchema, sampleTexts('  '))).toEqual(['title: write the title; it is empty']);
    expect(problems(ProcedureTextsSchema, { ...sampleTexts('x'), title: 3 })).toEqual(['title: the title must be text']);
  });
});

describe('procedure catalog', () => {
  const procedure = (id: string) => ({ id, ...ProcedureFactsSchema.parse(sampleFacts), texts: { fr: sampleTexts('Passeport'), en: sampleTexts('Passport') } });

  it('refuses an id used twice and a procedure without a listed language', () => {
    const withoutEnglish = { ...procedure('id-card'), texts: { fr: sampleTexts('Carte') } };
    expect(problems(ProcedureCatalogSchema, { languages: ['fr', 'en'], procedures: [procedure('passport'), procedure('passport'), withoutEnglish] })).toEqual([
      'procedures.1.id: the id "passport" is used twice',
      'procedures.2.texts.en: write the en texts',
    ]);
  });
});
