import crypto from 'node:crypto';

/**
 * UUIDv7 (RFC 9562): time-ordered, so new rows append to B-tree indexes instead of scattering,
 * and ids can be made in code before an insert (batches need no round trip).
 */
export function newId(now = Date.now()): string {
  const bytes = crypto.randomBytes(16);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
