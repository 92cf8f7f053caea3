import { fail, ok, type Result } from '../../common/result';

/**
 * IPP/1.1 messages in their binary encoding (RFC 8010 §3): a version, an operation or status code, a
 * request id, groups of attributes (tag, name, values), an end tag, then the document. Decoding is
 * strict: a length that runs past the end, a number that is not four bytes, a text that is not UTF-8,
 * a value with no attribute before it or a message without its end tag is refused with the reason.
 * What Borne never reads (collections, dates, resolutions) is kept as raw bytes, so that every message
 * accepted encodes back to the same bytes.
 */

export const IPP_OPERATIONS = {
  printJob: 0x0002,
  cancelJob: 0x0008,
  getJobAttributes: 0x0009,
  getJobs: 0x000a,
  getPrinterAttributes: 0x000b,
} as const;

export const GROUP_TAGS = { operation: 0x01, job: 0x02, end: 0x03, printer: 0x04, unsupported: 0x05 } as const;

export const VALUE_TAGS = {
  integer: 0x21, boolean: 0x22, enum: 0x23, collection: 0x34, endCollection: 0x37,
  text: 0x41, name: 0x42, keyword: 0x44, uri: 0x45, charset: 0x47, naturalLanguage: 0x48, mimeMediaType: 0x49,
  memberName: 0x4a,
} as const;

/** A value: a number for integer and enum, a boolean, a string for the text kinds, raw bytes for the rest. */
export interface IppValue {
  tag: number;
  value: number | boolean | string | Uint8Array;
}
export interface IppAttribute {
  name: string;
  values: IppValue[];
}
export interface IppGroup {
  tag: number;
  attributes: IppAttribute[];
}
export interface IppMessage {
  version: readonly [number, number];
  /** The operation in a request, the status in a response. */
  code: number;
  requestId: number;
  groups: IppGroup[];
  /** What follows the end tag: the document of a Print-Job. */
  data: Uint8Array;
}

const isGroupTag = (tag: number): boolean => tag <= 0x0f;
const isNumberTag = (tag: number): boolean => tag === VALUE_TAGS.integer || tag === VALUE_TAGS.enum;
/** RFC 8010 §3.5.2: the character-string values, text through mimeMediaType and the reserved ones after. */
const isStringTag = (tag: number): boolean => tag >= 0x41 && tag <= 0x5f;
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const textEncoder = new TextEncoder();

export function encodeIppMessage(message: IppMessage): Uint8Array {
  const out: number[] = [message.version[0], message.version[1], ...u16(message.code), ...u32(message.requestId)];
  for (const group of message.groups) {
    out.push(group.tag);
    for (const attribute of group.attributes) {
      attribute.values.forEach((value, index) => out.push(...encodeValue(index === 0 ? attribute.name : '', value)));
    }
  }
  out.push(GROUP_TAGS.end);
  const head = Uint8Array.from(out);
  const whole = new Uint8Array(head.length + message.data.length);
  whole.set(head);
  whole.set(message.data, head.length);
  return whole;
}

function encodeValue(name: string, { tag, value }: IppValue): number[] {
  const nameBytes = textEncoder.encode(name);
  const valueBytes = typeof value === 'number' ? Uint8Array.from(u32(value))
    : typeof value === 'boolean' ? Uint8Array.of(value ? 1 : 0)
      : typeof value === 'string' ? textEncoder.encode(value)
        : value;
  // A collection's members follow its own empty value, up to and with its endCollection.
  const members = tag === VALUE_TAGS.collection ? valueBytes : new Uint8Array();
  const own = tag === VALUE_TAGS.collection ? new Uint8Array() : valueBytes;
  return [tag, ...u16(nameBytes.length), ...nameBytes, ...u16(own.length), ...own, ...members];
}

/** Reads a whole message; an error value says where it is wrong. */
export function decodeIppMessage(bytes: Uint8Array): Result<IppMessage> {
  const reader = new Reader(bytes);
  if (bytes.length < 9) return fail(`an IPP message has at least 9 bytes, this one ${bytes.length}`);
  const version = [reader.byte(), reader.byte()] as const;
  if (version[0] < 1 || version[0] > 2) return fail(`IPP version ${version[0]}.${version[1]} is not 1.x or 2.x`);
  const code = reader.u16();
  const requestId = reader.u32();
  const groups: IppGroup[] = [];
  let group: IppGroup | undefined;
  for (;;) {
    if (reader.left() < 1) return fail('the message ends before its end-of-attributes tag');
    const tag = reader.byte();
    if (tag === GROUP_TAGS.end) break;
    if (isGroupTag(tag)) {
      if (tag === 0x00) return fail('tag 0x00 is reserved');
      group = { tag, attributes: [] };
      groups.push(group);
      continue;
    }
    if (!group) return fail(`an attribute (tag 0x${hex(tag)}) before any group`);
    const read = readAttributeValue(reader, tag);
    if (!read.ok) return read;
    const { name, value } = read.value;
    const last = group.attributes.at(-1);
    if (name === '') {
      if (!last) return fail('an additional value with no attribute before it');
      last.values.push(value);
    } else group.attributes.push({ name, values: [value] });
  }
  return ok({ version, code, requestId, groups, data: bytes.slice(reader.at) });
}

function readAttributeValue(reader: Reader, tag: number): Result<{ name: string; value: IppValue }> {
  if (tag === 0x7f) return fail('extended value tags (0x7f) are not supported');
  if (tag === VALUE_TAGS.endCollection || tag === VALUE_TAGS.memberName) return fail(`tag 0x${hex(tag)} outside a collection`);
  if (reader.left() < 2) return fail('an attribute runs past the end of the message');
  const name = reader.text(reader.u16());
  if (name === null) return fail('an attribute name runs past the end of the message or is not UTF-8');
  if (reader.left() < 2) return fail(`the value of "${name}" runs past the end of the message`);
  const length = reader.u16();
  const raw = reader.take(length);
  if (!raw) return fail(`the value of "${name}" runs past the end of the message`);
  if (tag === VALUE_TAGS.collection) {
    if (length !== 0) return fail(`the collection "${name}" has a value of ${length} bytes, not 0`);
    const members = readCollectionMembers(reader);
    return members.ok ? ok({ name, value: { tag, value: members.value } }) : members;
  }
  const value = valueOf(tag, raw);
  return value.ok ? ok({ name, value: { tag, value: value.value } }) : fail(`"${name}": ${value.error}`);
}

function valueOf(tag: number, raw: Uint8Array): Result<IppValue['value']> {
  if (isNumberTag(tag)) {
    if (raw.length !== 4) return fail(`an integer has 4 bytes, this one ${raw.length}`);
    return ok(new DataView(raw.buffer, raw.byteOffset, 4).getInt32(0));
  }
  if (tag === VALUE_TAGS.boolean) {
    if (raw.length !== 1 || raw[0]! > 1) return fail('a boolean is one byte, 0 or 1');
    return ok(raw[0] === 1);
  }
  if (isStringTag(tag)) {
    try {
      return ok(utf8.decode(raw));
    } catch {
      return fail('a text that is not UTF-8');
    }
  }
  return ok(raw.slice());
}

/** The members of a collection, as their raw bytes up to and with the matching endCollection. */
function readCollectionMembers(reader: Reader): Result<Uint8Array> {
  const start = reader.at;
  let depth = 1;
  while (depth > 0) {
    if (reader.left() < 5) return fail('a collection runs past the end of the message');
    const tag = reader.byte();
    if (isGroupTag(tag) || tag === 0x7f) return fail(`tag 0x${hex(tag)} inside a collection`);
    if (!reader.take(reader.u16()) || reader.left() < 2) return fail('a collection member runs past the end of the message');
    const length = reader.u16();
    if (!reader.take(length)) return fail('a collection member runs past the end of the message');
    if (tag === VALUE_TAGS.collection) depth++;
    if (tag === VALUE_TAGS.endCollection) depth--;
  }
  return ok(reader.bytes.slice(start, reader.at));
}

class Reader {
  at = 0;
  constructor(readonly bytes: Uint8Array) {}
  left(): number {
    return this.bytes.length - this.at;
  }
  byte(): number {
    return this.bytes[this.at++] ?? 0;
  }
  u16(): number {
    return (this.byte() << 8) | this.byte();
  }
  u32(): number {
    return ((this.u16() << 16) | this.u16()) >>> 0;
  }
  /** `length` bytes, or null when fewer are left. */
  take(length: number): Uint8Array | null {
    if (length > this.left()) return null;
    this.at += length;
    return this.bytes.subarray(this.at - length, this.at);
  }
  text(length: number): string | null {
    const raw = this.take(length);
    if (!raw) return null;
    try {
      return utf8.decode(raw);
    } catch {
      return null;
    }
  }
}

const u16 = (value: number): number[] => [(value >> 8) & 0xff, value & 0xff];
const u32 = (value: number): number[] => [(value >>> 24) & 0xff, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff];
const hex = (byte: number): string => byte.toString(16).padStart(2, '0');
