import { CsvError, parse, type Info } from 'csv-parse';
import { Readable } from 'node:stream';

/**
 * Streaming CSV for LinkedIn exports, with the exact line and byte offset of every row, and broken
 * rows reported (in file order) instead of ending the read.
 *
 * LinkedIn escapes quotes inside quoted fields differently per file: Shares.csv doubles them
 * (RFC 4180, `""`), Comments.csv writes `\"`. Each file is therefore parsed with the escape
 * character that produces the fewest errors over the whole file (`"` when tied).
 *
 * Rows come as arrays, not as objects keyed by the header: with `columns: true` csv-parse drops the
 * fields of a row that has too many, silently; here the caller sees every field and can quarantine
 * the row. Line numbers are counted from byte offsets, because csv-parse's own line counter counts
 * a CRLF inside a quoted field twice. Exports are a few MB, so the bytes are held in memory.
 */

export type CsvEscape = '"' | '\\';

export type CsvEvent =
  | { kind: 'row'; fields: string[]; line: number; offset: number; raw: string }
  | { kind: 'problem'; line: number | null; reason: string; excerpt: string };

interface ParsedRecord {
  record: string[];
  info: Info;
  raw: string;
}

function parserFor(bytes: Buffer, escape: CsvEscape, onSkip: (error: CsvError | undefined, raw: string | undefined) => void) {
  return Readable.from([bytes]).pipe(
    parse({
      bom: true,
      escape,
      info: true,
      raw: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_skip: (error, raw) => {
        onSkip(error, raw);
        return undefined;
      },
    }),
  );
}

/** Errors over the whole file with this escape character (a failure to even finish counts as many). */
async function countErrors(bytes: Buffer, escape: CsvEscape): Promise<number> {
  let errors = 0;
  try {
    for await (const _ of parserFor(bytes, escape, () => (errors += 1)) as AsyncIterable<unknown>) {
      // only the skips are counted
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    return Number.MAX_SAFE_INTEGER;
  }
  return errors;
}

export async function chooseEscape(bytes: Buffer): Promise<CsvEscape> {
  const doubled = await countErrors(bytes, '"');
  if (doubled === 0) return '"';
  return (await countErrors(bytes, '\\')) < doubled ? '\\' : '"';
}

/**
 * The record's byte offset. csv-parse's byte counter is off by one around CRLF line ends (one
 * record it counts the \n, the next not), so the estimate is checked against the bytes themselves.
 */
function locate(bytes: Buffer, estimate: number, body: string): number {
  const start = Buffer.from([...body].slice(0, 32).join('')); // whole code points only
  for (const shift of [0, 1, -1, 2, -2]) {
    const at = estimate + shift;
    if (at >= 0 && bytes.subarray(at, at + start.length).equals(start)) return at;
  }
  return estimate;
}

/** 1-based line of a byte offset: one more than the line feeds before it. */
function lineIndex(bytes: Buffer): (offset: number) => number {
  const feeds: number[] = [];
  for (let at = bytes.indexOf(0x0a); at !== -1; at = bytes.indexOf(0x0a, at + 1)) feeds.push(at);
  return (offset) => {
    let low = 0;
    let high = feeds.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((feeds[middle] ?? Infinity) < offset) low = middle + 1;
      else high = middle;
    }
    return low + 1;
  };
}

export async function* readCsv(bytes: Buffer, escape: CsvEscape): AsyncGenerator<CsvEvent> {
  const lineAt = lineIndex(bytes);
  const problems: Array<Extract<CsvEvent, { kind: 'problem' }>> = [];
  const parser = parserFor(bytes, escape, (error, raw) => {
    // `bytes` in the error's context is where the failing record starts.
    const line = typeof error?.bytes === 'number' ? lineAt(error.bytes) : null;
    const previous = problems.at(-1);
    // One broken quote can raise several errors on the same record: one record, one problem.
    if (previous !== undefined && previous.line === line) {
      if ((raw ?? '').length > previous.excerpt.length) previous.excerpt = raw ?? '';
      return;
    }
    problems.push({ kind: 'problem', line, reason: `CSV error: ${messageOf(error)}`, excerpt: raw ?? '' });
  });
  // The parser runs ahead of this loop, so problems wait until the rows before them are out.
  const problemsBefore = function* (line: number): Generator<CsvEvent> {
    while (problems.length > 0 && (problems[0]?.line ?? 0) < line) yield problems.shift() as CsvEvent;
  };
  try {
    for await (const parsed of parser as AsyncIterable<ParsedRecord>) {
      // raw ends with the record's line break, or part of it (csv-parse keeps the \r of a CRLF).
      const body = parsed.raw.replace(/\r?\n$|\r$/, '');
      const offset = locate(bytes, parsed.info.bytes_records - Buffer.byteLength(parsed.raw), body);
      const line = lineAt(offset);
      yield* problemsBefore(line);
      yield { kind: 'row', fields: parsed.record, line, offset, raw: body };
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = typeof error.bytes === 'number' ? lineAt(error.bytes) : null;
    problems.push({ kind: 'problem', line, reason: `CSV error, the rest of the file cannot be read: ${messageOf(error)}`, excerpt: '' });
  }
  yield* problems;
}

/** csv-parse's message without its own "at line N", which miscounts (see above); the location says it. */
function messageOf(error: CsvError | undefined): string {
  return error === undefined ? 'unreadable row' : error.message.replace(/ at line \d+/g, '');
}
