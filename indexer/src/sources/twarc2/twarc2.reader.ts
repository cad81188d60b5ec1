import { stat } from 'node:fs/promises';
import { describeKeys, isJsonObject } from '../json.js';
import { parseJsonLine } from '../json-line.js';
import { readLines, type TextLine } from '../line-reader.js';
import { excerptOf, type RecordBody, type Source, type SourceRecord } from '../source.js';
import { classifyTwarc2Object, detectTwarc2 } from './twarc2.classify.js';
import { normaliseComplianceRecord } from './twarc2.compliance.js';
import { collectEditChains, EditChains, scanEditChains } from './twarc2.edit-chains.js';
import { normaliseFlatTweet } from './twarc2.flat.js';
import { normalisePage } from './twarc2.page.js';

/**
 * twarc2 JSONL (DocNow/twarc, X API v2): pages from search/timeline/lookup commands, filtered or
 * sample stream output, `twarc2 flatten` output and compliance-job results. The kinds may be mixed
 * in one file; each line is classified on its own.
 */
export const twarc2Source: Source = {
  format: 'twarc2',
  detect: (_file, head) => detectTwarc2(head),
  read: readTwarc2File,
  readContent: readTwarc2Content,
};

async function* readTwarc2File(file: string): AsyncGenerator<SourceRecord> {
  // Pre-pass: edit chains anywhere in the file, so references to edited tweets resolve.
  const chains = await scanEditChains(file);
  // Compliance results do not say when they were produced; the file's mtime is the best witness.
  const { mtime } = await stat(file);

  for await (const line of readLines(file)) {
    const location = { file, line: line.line, offset: line.offset };
    for (const body of recordsOfLine(line, chains, mtime)) yield { ...body, location };
  }
}

/**
 * An X API v2 response body held in memory (from a WARC, or fetched by a live harvest): one page
 * `{data, includes, meta}` without `__twarc`, often pretty-printed over many lines, or JSONL (one
 * page or tweet a line, like a twarc2 file). A body without any line that is a JSON object on its
 * own is one document, so a cut-off pretty-printed page is one quarantine, not one per line. Lines
 * and offsets count within the body.
 */
function readTwarc2Content(label: string, content: string): AsyncIterable<SourceRecord> {
  // The body is already in memory: the records are made synchronously, handed out one at a time.
  const records = contentRecords(label, content);
  return { [Symbol.asyncIterator]: () => ({ next: () => Promise.resolve(records.next()) }) };
}

function* contentRecords(label: string, content: string): Generator<SourceRecord> {
  const lines = contentLines(content);
  const chains = new EditChains();
  for (const line of lines) collectEditChains(line.text, chains);
  for (const line of lines) {
    const location = { file: label, line: line.line, offset: line.offset };
    for (const body of recordsOfLine(line, chains, null)) yield { ...body, location };
  }
}

function contentLines(content: string): TextLine[] {
  const text = content.startsWith('\uFEFF') ? content.slice(1) : content;
  const parts = text.split('\n');
  const jsonLines = parts.filter((part) => isJsonObject(tryParse(part)));
  if (parts.length === 1 || jsonLines.length === 0)
    return text.trim() === '' ? [] : [textLine(text.trim(), 1, 0, true)];
  const firstLine = parts.find((part) => part.trim() !== '');
  // A pretty-printed page has lines that are not JSON, but is JSON as a whole.
  if (firstLine !== jsonLines[0] && tryParse(text) !== undefined) return [textLine(text.trim(), 1, 0, true)];
  const lines: TextLine[] = [];
  let offset = 0;
  parts.forEach((part, index) => {
    const endsWithNewline = index < parts.length - 1;
    // The piece after a final newline is not a line.
    if (endsWithNewline || part !== '')
      lines.push(textLine(part.replace(/\r$/, ''), index + 1, offset, endsWithNewline));
    offset += Buffer.byteLength(part, 'utf8') + 1;
  });
  return lines;
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function textLine(text: string, line: number, offset: number, endsWithNewline: boolean): TextLine {
  const byteLength = Buffer.byteLength(text, 'utf8');
  return { text, line, offset, byteLength, endsWithNewline, overLong: false, invalidUtf8: false };
}

/** fileTime: when the input was obtained, for compliance results; null when unknown. */
function recordsOfLine(line: TextLine, chains: EditChains, fileTime: Date | null): RecordBody[] {
  const problem = (reason: string): RecordBody[] => [
    { kind: 'quarantine', reason, excerpt: excerptOf(line.text) },
  ];
  // Blank lines carry nothing (the compliance fixture starts with one).
  const parsedLine = parseJsonLine(line, 'a twarc2 line');
  if (parsedLine.kind === 'blank') return [];
  if (parsedLine.kind === 'problem') return problem(parsedLine.reason);
  const parsed = parsedLine.value;
  if (!isJsonObject(parsed))
    return problem(
      `JSON ${Array.isArray(parsed) ? 'array' : typeof parsed} where a JSON object was expected`,
    );

  switch (classifyTwarc2Object(parsed)) {
    case 'page':
      return normalisePage(parsed, chains);
    case 'flat-tweet':
      return normaliseFlatTweet(parsed, chains);
    case 'compliance':
      // Without the time it was obtained a compliance result cannot date its deletion notice.
      if (fileTime === null)
        return problem(
          'compliance record in an HTTP body: when it was obtained is not known here, so no deletion notice is made; import the compliance file itself',
        );
      return [normaliseComplianceRecord(parsed, fileTime)];
    case null:
      return problem(
        `JSON object with keys ${describeKeys(parsed)} is not a twarc2 page, flattened tweet or compliance record`,
      );
  }
}
