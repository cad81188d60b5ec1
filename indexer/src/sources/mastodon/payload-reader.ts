import { readFile } from 'node:fs/promises';
import { readLines, type TextLine } from '../line-reader.js';
import { excerptOf, type RecordLocation, type SourceRecord } from '../source.js';

/**
 * Reading API responses that arrive either as one JSON document (a saved response, often
 * pretty-printed) or as JSON Lines (one response or event per line, as harvesters append them),
 * from a file or from memory (readContent). Shared by the Mastodon and Bluesky API sources; it
 * knows nothing of either platform.
 */

/** Where the text comes from: a file on disk or a payload in memory named by a label. */
export interface InputText {
  /** Becomes RecordLocation.file. */
  name: string;
  lines(): AsyncIterable<TextLine>;
  /** The whole text, strictly decoded; a string is a reason when it cannot be. */
  whole(): Promise<{ text: string } | { problem: string }>;
}

export type JsonPayload =
  | { kind: 'payload'; value: unknown; location: RecordLocation }
  | Extract<SourceRecord, { kind: 'quarantine' }>;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export function fileInput(file: string): InputText {
  return {
    name: file,
    lines: () => readLines(file),
    async whole() {
      const bytes = await readFile(file);
      try {
        // A pretty-printed response never comes near V8's string limit; a file that does is not one.
        return { text: withoutBom(strictUtf8.decode(bytes)) };
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        return { problem: `the file cannot be read as UTF-8 text (${detail})` };
      }
    },
  };
}

export function contentInput(label: string, content: string): InputText {
  return {
    name: label,
    lines: () => linesOfString(content),
    whole: () => Promise.resolve({ text: withoutBom(content) }),
  };
}

/** The lines of an in-memory text, with byte offsets as readLines counts them. */
// eslint-disable-next-line @typescript-eslint/require-await -- an async generator, to match readLines
export async function* linesOfString(content: string): AsyncGenerator<TextLine> {
  const text = withoutBom(content);
  let offset = 0;
  let line = 0;
  let start = 0;
  while (start < text.length) {
    const end = text.indexOf('\n', start);
    const raw = end === -1 ? text.slice(start) : text.slice(start, end);
    const lineText = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    line += 1;
    yield {
      text: lineText,
      line,
      offset,
      byteLength: Buffer.byteLength(lineText),
      endsWithNewline: end !== -1,
      overLong: false,
      invalidUtf8: false,
    };
    if (end === -1) break;
    offset += Buffer.byteLength(raw) + 1;
    start = end + 1;
  }
}

export async function firstNonBlankLine(input: InputText): Promise<TextLine | null> {
  for await (const line of input.lines()) if (line.text.trim() !== '') return line;
  return null;
}

/**
 * JSON Lines when the first non-blank line is a complete JSON value on its own (a minified
 * response is then simply a one-line file); otherwise one document. A broken document is one
 * quarantine record naming the file: nothing in it can be trusted to be where it seems.
 */
export async function* readJsonPayloads(input: InputText): AsyncGenerator<JsonPayload> {
  const first = await firstNonBlankLine(input);
  if (first === null) return;
  if (parseJson(first.text).ok) {
    yield* jsonLines(input);
    return;
  }
  const location = { file: input.name, line: null, offset: null };
  const whole = await input.whole();
  if ('problem' in whole) {
    yield { kind: 'quarantine', location, reason: whole.problem, excerpt: '' };
    return;
  }
  const parsed = parseJson(whole.text);
  if (parsed.ok) yield { kind: 'payload', value: parsed.value, location };
  else
    yield {
      kind: 'quarantine',
      location,
      reason: `${input.name} is not valid JSON (${parsed.error}); nothing in it was read`,
      excerpt: excerptOf(whole.text),
    };
}

async function* jsonLines(input: InputText): AsyncGenerator<JsonPayload> {
  for await (const line of input.lines()) {
    if (line.text.trim() === '') continue;
    const location = { file: input.name, line: line.line, offset: line.offset };
    const problem = lineProblem(line);
    if (problem !== null) {
      yield { kind: 'quarantine', location, reason: problem, excerpt: excerptOf(line.text) };
      continue;
    }
    yield { kind: 'payload', value: (parseJson(line.text) as { value: unknown }).value, location };
  }
}

/** Why a JSON Lines line cannot be read, or null when it parses. */
export function lineProblem(line: TextLine): string | null {
  if (line.overLong) return `line is ${line.byteLength} bytes long, more than a response line can be; not read`;
  if (line.invalidUtf8) return 'line is not valid UTF-8 (binary or wrongly encoded data)';
  const parsed = parseJson(line.text);
  if (parsed.ok) return null;
  return line.endsWithNewline
    ? `invalid JSON (${parsed.error})`
    : `invalid JSON in the last line, which has no final newline: the capture was probably cut off (${parsed.error})`;
}

export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The file's base name (also for labels that are paths or URLs). */
export function baseName(nameOrLabel: string): string {
  const cut = Math.max(nameOrLabel.lastIndexOf('/'), nameOrLabel.lastIndexOf('\\'));
  return nameOrLabel.slice(cut + 1);
}
