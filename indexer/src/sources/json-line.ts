import type { TextLine } from './line-reader.js';

export type JsonLine = { kind: 'blank' } | { kind: 'problem'; reason: string } | { kind: 'json'; value: unknown };

/**
 * One line of a JSON Lines file: blank (carries nothing), a problem to quarantine with its reason,
 * or the parsed value. `lineName` completes "more than … can be" for over-long lines.
 */
export function parseJsonLine(line: TextLine, lineName: string): JsonLine {
  const problem = (reason: string): JsonLine => ({ kind: 'problem', reason });
  if (line.overLong) return problem(`line is ${line.byteLength} bytes long, more than ${lineName} can be; not read`);
  if (line.text.trim() === '') return { kind: 'blank' };
  if (line.invalidUtf8) return problem('line is not valid UTF-8 (binary or wrongly encoded data)');
  try {
    return { kind: 'json', value: JSON.parse(line.text) as unknown };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return problem(
      line.endsWithNewline
        ? `invalid JSON (${detail})`
        : `invalid JSON in the last line, which has no final newline: the file was probably cut off mid-write (${detail})`,
    );
  }
}
