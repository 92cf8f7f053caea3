import { fail, ok, type Result } from '../../common/result';

/**
 * Command and response APDUs (ISO/IEC 7816-4), only as far as the kiosk needs them to recognise a card:
 * SELECT an application by its identifier, and read the status word of the answer.
 */

/** Application identifiers are 5 to 16 bytes (ISO/IEC 7816-5: a 5-byte RID and up to 11 bytes of PIX). */
export const AID_MIN_LENGTH = 5;
export const AID_MAX_LENGTH = 16;

/**
 * SELECT by DF name (AID), first or only occurrence, asking for no answer data (P2 = 0C): the kiosk
 * learns whether the application is there and nothing else.
 */
export function selectByAid(aid: Uint8Array): Result<Uint8Array> {
  if (aid.length < AID_MIN_LENGTH || aid.length > AID_MAX_LENGTH) {
    return fail(`an application identifier has ${AID_MIN_LENGTH} to ${AID_MAX_LENGTH} bytes, this one ${aid.length}`);
  }
  return ok(Uint8Array.from([0x00, 0xa4, 0x04, 0x0c, aid.length, ...aid]));
}

export interface ResponseApdu {
  data: Uint8Array;
  /** SW1 SW2 as one number, for example 0x9000. */
  status: number;
}

/** A short response: up to 256 data bytes then SW1 SW2. */
export const RESPONSE_MAX_LENGTH = 258;

export function parseResponse(bytes: Uint8Array): Result<ResponseApdu> {
  if (bytes.length < 2) return fail(`a response APDU ends with two status bytes, this one has ${bytes.length} bytes`);
  if (bytes.length > RESPONSE_MAX_LENGTH) return fail(`a short response APDU has at most ${RESPONSE_MAX_LENGTH} bytes, this one ${bytes.length}`);
  const sw1 = bytes[bytes.length - 2]!;
  // ISO/IEC 7816-4 §5.1.3: SW1 is 6X or 9X; 60 is a T=0 procedure byte, never a status.
  if ((sw1 & 0xf0) !== 0x60 && (sw1 & 0xf0) !== 0x90) return fail(`SW1 ${sw1.toString(16)} is not a status byte`);
  if (sw1 === 0x60) return fail('SW1 60 is not a status byte');
  return ok({ data: bytes.slice(0, -2), status: (sw1 << 8) | bytes[bytes.length - 1]! });
}

/** The command succeeded: 9000, or 61XX (done, XX more bytes to fetch). */
export const isSuccess = (status: number): boolean => status === 0x9000 || (status >> 8) === 0x61;

/** Status words a card answers to a SELECT, for the technician's words. */
export const STATUS = {
  ok: 0x9000,
  fileNotFound: 0x6a82,
  wrongParameters: 0x6a86,
  insNotSupported: 0x6d00,
  claNotSupported: 0x6e00,
} as const;
