import { badInput } from '../errors/app-error.js';

/** Opaque cursors; today they carry an offset, so clients must not build them. */
export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined): number {
  if (!cursor) return 0;
  const m = /^o:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!m) throw badInput('Invalid cursor');
  return Number(m[1]) + 1;
}
