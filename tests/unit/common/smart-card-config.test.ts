import { describe, expect, it } from 'vitest';
import { DEFAULT_CARD_RULES, SmartCardReaderConfigSchema } from '../../../common/device-config';
import { MEASURING_KINDS, MeasuringKindSchema } from '../../../common/devices';

const messages = (input: unknown): string[] => {
  const parsed = SmartCardReaderConfigSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
};

describe('the smart-card reader in a profile', () => {
  it('takes the default recognition rules and simulator settings', () => {
    expect(SmartCardReaderConfigSchema.parse({ reader: 'Virtual PCD 00 00', simulator: {} })).toEqual({
      reader: 'Virtual PCD 00 00', cards: DEFAULT_CARD_RULES, simulator: { card: 'health-insurance', vpcdHost: '127.0.0.1', vpcdPort: 35963 },
    });
  });

  it('refuses a rule with both an ATR and an application, or neither, saying which to give', () => {
    const oneOfTwo = 'a card rule gives either "atr" (with an optional "atrMask") or "aid", one of the two';
    expect(messages({ reader: 'R', cards: [{ kind: 'identity', atr: '3B 00', aid: 'A0 00 00 02 47' }] })).toEqual([oneOfTwo]);
    expect(messages({ reader: 'R', cards: [{ kind: 'identity' }] })).toEqual([oneOfTwo]);
  });

  it('refuses hex that is not, an AID of the wrong length, and a mask longer than its ATR', () => {
    expect(messages({ reader: 'R', cards: [{ kind: 'identity', aid: 'A0 0Z' }] })).toEqual(['give the application identifier in hex, for example "A0 00 00 02 47 10 01"']);
    expect(messages({ reader: 'R', cards: [{ kind: 'identity', aid: 'A0 00' }] })).toEqual(["a card's application identifier has 5 to 16 bytes"]);
    expect(messages({ reader: 'R', cards: [{ kind: 'health-insurance', atr: '3F 65', atrMask: 'FF FF FF' }] })).toEqual(['an ATR mask has as many bytes as its ATR']);
  });

  it('refuses a reader without a name', () => {
    expect(messages({ reader: '' })).toEqual(['give the reader name as pcscd lists it, for example "Virtual PCD 00 00"']);
  });

  it('is not a measuring kind: no measurement step can be started on it', () => {
    expect(MEASURING_KINDS).not.toContain('smartCardReader');
    expect(MeasuringKindSchema.safeParse('smartCardReader').success).toBe(false);
  });
});
