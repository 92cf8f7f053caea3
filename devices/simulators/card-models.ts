import type { CardKind } from '../../common/cards';

/**
 * What a simulated card answers: its ATR, and a response APDU (data + SW1 SW2) to each command, or null
 * to be pulled out of the reader instead of answering, as a person too quick does.
 */
export interface CardModel {
  atr: Uint8Array;
  answer(apdu: Uint8Array): Uint8Array | null;
}

const SW_OK = Uint8Array.from([0x90, 0x00]);
const SW_FILE_NOT_FOUND = Uint8Array.from([0x6a, 0x82]);
const SW_INS_NOT_SUPPORTED = Uint8Array.from([0x6d, 0x00]);
/** ICAO Doc 9303: the eMRTD application. */
const EMRTD_AID = Uint8Array.from([0xa0, 0x00, 0x00, 0x02, 0x47, 0x10, 0x01]);

/** A card holding these applications: SELECT by AID succeeds for them only; any other command is not supported. */
function cardWith(atr: Uint8Array, applications: readonly Uint8Array[]): CardModel {
  return {
    atr,
    answer(apdu) {
      const isSelectByName = apdu[1] === 0xa4 && apdu[2] === 0x04 && apdu.length >= 5;
      if (!isSelectByName) return SW_INS_NOT_SUPPORTED;
      const aid = apdu.subarray(5, 5 + (apdu[4] ?? 0));
      const held = applications.some((app) => app.length === aid.length && app.every((byte, i) => byte === aid[i]));
      return held ? SW_OK : SW_FILE_NOT_FOUND;
    },
  };
}

/** With its check byte: T0..historical XORed. */
function withTck(bytes: number[]): Uint8Array {
  return Uint8Array.from([...bytes, bytes.slice(1).reduce((xor, byte) => xor ^ byte, 0)]);
}

/**
 * One card model per kind. The health insurance card carries a Sesam Vitale ATR of the public lists and
 * no application the kiosk knows; the identity card a neutral T=1 ATR and the eMRTD application.
 */
export const CARD_MODELS: { readonly [K in CardKind]: () => CardModel } = {
  'health-insurance': () => cardWith(Uint8Array.from([0x3f, 0x65, 0x25, 0x00, 0x22, 0x09, 0x69, 0x90, 0x00]), []),
  identity: () => cardWith(withTck([0x3b, 0x88, 0x80, 0x01, 0x42, 0x4f, 0x52, 0x4e, 0x45, 0x2d, 0x49, 0x44]), [EMRTD_AID]),
};

/** A card of no family the kiosk knows: a T=0 ATR and no application. */
export const unknownCard = (): CardModel => cardWith(Uint8Array.from([0x3b, 0x02, 0x14, 0x50]), []);
