import type { CardKind } from '../../common/cards';
import type { Procedure } from '../../common/procedure-catalog';
import type { SiteScope } from '../../common/lockdown-config';
import type { Language } from '../../common/language';
import type { Receipt } from '../../common/print-job';
import { procedureMemo } from './procedure-memo';
import { openedSite, type OpenSite } from './site-step';

/**
 * A card was read (a health insurance card inserted, an identity card laid on the reader). Raised by
 * the host's device layer, never by a renderer (the bridge contract excludes it): a page cannot pretend
 * a card was there. It starts a visit from the attract screen, and routes it to the card's procedure.
 */
export type CardEvent = { type: 'CARD.READ'; card: CardKind };

/** What the guided visit reads from the settings. */
interface Offer {
  procedures: readonly Procedure[];
  cards: Partial<Record<CardKind, string>>;
}

/** The procedure `id` when this kiosk offers it; a view cannot open one the profile left out. */
export function offeredProcedure(offer: Offer, id: string | null): Procedure | undefined {
  return id === null ? undefined : offer.procedures.find((procedure) => procedure.id === id);
}

/** The procedure a card of this kind leads to, when the profile maps it to one the kiosk offers. */
export function cardProcedure(offer: Offer, card: CardKind): string | null {
  const id = offer.cards[card];
  return id !== undefined && offeredProcedure(offer, id) ? id : null;
}

/** The official site of a chosen procedure: its start page, to show under its own allowlist. */
export function procedureSite(offer: Offer, id: string | null): OpenSite | null {
  const procedure = offeredProcedure(offer, id);
  return procedure ? openedSite(procedure.start) : null;
}

/** The extra sites the shell lets the view reach while the procedure's site shows: none for a profile's tile. */
export function procedureAllow(offer: Offer, id: string | null): SiteScope[] {
  return offeredProcedure(offer, id)?.allow ?? [];
}

/** The memo of the visit's chosen procedure, in the language the receipt printer prints it in; null without one. */
export function chosenMemo(visit: { settings: Offer; procedure: string | null; language: Language }): Receipt | null {
  const procedure = offeredProcedure(visit.settings, visit.procedure);
  return procedure ? procedureMemo(procedure, visit.language) : null;
}
