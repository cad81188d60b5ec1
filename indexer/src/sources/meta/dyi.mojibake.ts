/**
 * Facebook and Instagram "Download Your Information" JSON is written wrongly: every byte of the
 * UTF-8 text is escaped as if it were a Latin-1 character, so "ø" (bytes C3 B8) arrives as
 * "\u00c3\u00b8" and reads "Ã¸". The repair takes the string's code units back as bytes and
 * decodes those as UTF-8.
 *
 * It is only applied when it round-trips: every code unit must fit in a byte (a real "€" or emoji
 * code point means the text was not mangled this way) and the bytes must be valid UTF-8. Text
 * that is already right fails one of the two: "løst" holds the lone byte F8, which is never valid
 * UTF-8. Plain ASCII is returned as it is.
 */

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function repairMojibake(text: string): string {
  let highBytes = false;
  const bytes = new Uint8Array(text.length);
  for (let index = 0; index < text.length; index += 1) {
    const unit = text.charCodeAt(index);
    if (unit > 0xff) return text;
    if (unit > 0x7f) highBytes = true;
    bytes[index] = unit;
  }
  if (!highBytes) return text;
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return text;
  }
}

/** The same repair on every string (and object key) of a parsed JSON value; a new value is returned. */
export function repairMojibakeDeep(value: unknown): unknown {
  if (typeof value === 'string') return repairMojibake(value);
  if (Array.isArray(value)) return value.map(repairMojibakeDeep);
  if (typeof value === 'object' && value !== null) {
    const repaired: Record<string, unknown> = {};
    for (const [key, entry] of Object.entries(value)) repaired[repairMojibake(key)] = repairMojibakeDeep(entry);
    return repaired;
  }
  return value;
}
