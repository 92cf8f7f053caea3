import type { CardKind } from '../../common/cards';
import type { CardRule } from '../../common/device-config';
import { isSuccess, parseResponse, selectByAid } from '../codecs/apdu';
import { atrMatches, bytesOfHex, parseAtr } from '../codecs/atr';
import { fail, ok, type Result } from '../../common/result';

/** A profile's recognition rule with its hex read once. */
export type CompiledRule =
  | { kind: CardKind; type: 'atr'; atr: Uint8Array; mask?: Uint8Array }
  | { kind: CardKind; type: 'aid'; aid: Uint8Array };

/** The schema checked the hex already; a rule that still does not read is dropped rather than matching anything. */
export function compileRules(rules: readonly CardRule[]): CompiledRule[] {
  return rules.flatMap((rule): CompiledRule[] => {
    if (rule.aid !== undefined) {
      const aid = bytesOfHex(rule.aid);
      return aid ? [{ kind: rule.kind, type: 'aid', aid }] : [];
    }
    const atr = rule.atr === undefined ? null : bytesOfHex(rule.atr);
    const mask = rule.atrMask === undefined ? undefined : bytesOfHex(rule.atrMask) ?? undefined;
    return atr ? [{ kind: rule.kind, type: 'atr', atr, ...(mask ? { mask } : {}) }] : [];
  });
}

/**
 * The family of the card with this ATR: the first ATR rule that matches, else the first application the
 * card accepts to SELECT (asking for no data back), else `unknown`. An error value when the ATR is not
 * one, or an exchange failed or came back empty (the card was pulled out): the caller says nothing of that card.
 */
export async function recogniseCard(
  atr: Uint8Array,
  rules: readonly CompiledRule[],
  transmit: (apdu: Uint8Array) => Promise<Result<Uint8Array>>,
): Promise<Result<CardKind | 'unknown'>> {
  const parsed = parseAtr(atr);
  if (!parsed.ok) return fail(`the card's ATR is malformed: ${parsed.error}`);
  const byAtr = rules.find((rule) => rule.type === 'atr' && atrMatches(atr, rule));
  if (byAtr) return ok(byAtr.kind);
  for (const rule of rules) {
    if (rule.type !== 'aid') continue;
    const select = selectByAid(rule.aid);
    if (!select.ok) continue;
    const answer = await transmit(select.value);
    if (!answer.ok) return answer;
    // A card pulled out while vpcd waits for its answer comes back from pcscd as an empty "success".
    const response = parseResponse(answer.value);
    if (!response.ok) return fail(`the card's answer to SELECT is not a response: ${response.error}`);
    if (isSuccess(response.value.status)) return ok(rule.kind);
  }
  return ok('unknown');
}
