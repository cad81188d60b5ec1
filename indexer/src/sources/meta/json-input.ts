import { readFile, stat } from 'node:fs/promises';
import { excerptOf, type RecordLocation } from '../source.js';

/**
 * Reading JSON inputs: one JSON document per file (an API response saved by a harvester, a DYI or
 * TikTok export file), or JSON Lines with one response per line (how harvesters append pages).
 * Shared by the meta, youtube and tiktok sources.
 *
 * Whole documents are parsed in memory (JSON.parse has no streaming form); V8 strings stop near
 * 512 MiB, so larger files are refused with a quarantine record instead of crashing the import.
 */

export const MAX_JSON_BYTES = 512 * 1024 * 1024;

export type JsonUnit =
  | { kind: 'json'; value: unknown; location: RecordLocation }
  | { kind: 'bad'; reason: string; excerpt: string; location: RecordLocation };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** The JSON documents in a file; problems with the file itself come back as 'bad' units. */
export async function readJsonUnits(file: string, allowLines: boolean): Promise<JsonUnit[]> {
  const whole: RecordLocation = { file, line: null, offset: null };
  const { size } = await stat(file);
  if (size > MAX_JSON_BYTES)
    return [bad(`file is ${size} bytes, more than the ${MAX_JSON_BYTES} a JSON document can be read in; not read`, '', whole)];
  const bytes = await readFile(file);
  let text: string;
  try {
    text = strictUtf8.decode(bytes); // also drops a leading BOM
  } catch {
    return [bad('file is not valid UTF-8 (binary or wrongly encoded data)', bytes.subarray(0, 200).toString('latin1'), whole)];
  }
  return jsonUnitsOfText(text, file, allowLines);
}

/** The same for a payload held in memory (WARC response body, live harvest). */
export function jsonUnitsOfText(text: string, file: string, allowLines: boolean): JsonUnit[] {
  const content = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const whole: RecordLocation = { file, line: null, offset: null };
  if (content.trim() === '') return [bad('the input is empty', '', whole)];
  try {
    return [{ kind: 'json', value: JSON.parse(content) as unknown, location: whole }];
  } catch (error) {
    const lines = allowLines ? jsonLines(content, file) : null;
    if (lines !== null) return lines;
    return [bad(`invalid JSON (${messageOf(error)})`, content, whole)];
  }
}

/**
 * JSON Lines, when the first non-blank line is a complete JSON object: then each line stands on
 * its own and a bad line is quarantined with its number while the others are read. Null when the
 * input does not look like JSON Lines (then it is one broken document).
 */
function jsonLines(content: string, file: string): JsonUnit[] | null {
  const lines = content.split('\n');
  const first = lines.find((line) => line.trim() !== '');
  if (first === undefined || tryParse(first.trim()) === undefined || lines.filter((l) => l.trim()).length < 2)
    return null;
  const units: JsonUnit[] = [];
  let offset = 0;
  lines.forEach((raw, index) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const location: RecordLocation = { file, line: index + 1, offset };
    offset += Buffer.byteLength(raw) + 1;
    if (line.trim() === '') return;
    try {
      units.push({ kind: 'json', value: JSON.parse(line) as unknown, location });
    } catch (error) {
      const cutOff = index === lines.length - 1 ? ' in the last line, which has no final newline: the file was probably cut off mid-write' : '';
      units.push(bad(`invalid JSON${cutOff} (${messageOf(error)})`, line, location));
    }
  });
  return units;
}

/**
 * What detection can see of a JSON input in its first bytes: the parsed value when the head holds a
 * complete document (or a complete first line of JSON Lines), else null; `start` is the head
 * without leading whitespace and BOM, for pattern checks on documents too big for the head.
 */
export function parseHead(head: string): { value: unknown; start: string } {
  const start = head.replace(/^\uFEFF/, '').trimStart();
  let value = tryParse(start);
  if (value === undefined) {
    const newline = start.indexOf('\n');
    if (newline !== -1) value = tryParse(start.slice(0, newline));
  }
  return { value: value ?? null, start };
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function bad(reason: string, excerpt: string, location: RecordLocation): JsonUnit {
  return { kind: 'bad', reason, excerpt: excerptOf(excerpt), location };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
