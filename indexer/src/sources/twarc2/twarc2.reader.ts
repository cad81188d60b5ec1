import { stat } from 'node:fs/promises';
import { describeKeys, isJsonObject } from '../json.js';
import { readLines, type TextLine } from '../line-reader.js';
import { excerptOf, type RecordBody, type Source, type SourceRecord } from '../source.js';
import { classifyTwarc2Object, detectTwarc2 } from './twarc2.classify.js';
import { normaliseComplianceRecord } from './twarc2.compliance.js';
import { scanEditChains, type EditChains } from './twarc2.edit-chains.js';
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

function recordsOfLine(line: TextLine, chains: EditChains, fileTime: Date): RecordBody[] {
  const problem = (reason: string): RecordBody[] => [
    { kind: 'quarantine', reason, excerpt: excerptOf(line.text) },
  ];
  if (line.overLong)
    return problem(`line is ${line.byteLength} bytes long, more than a twarc2 line can be; not read`);
  // Blank lines carry nothing (the compliance fixture starts with one).
  if (line.text.trim() === '') return [];
  if (line.invalidUtf8) return problem('line is not valid UTF-8 (binary or wrongly encoded data)');

  let parsed: unknown;
  try {
    parsed = JSON.parse(line.text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return problem(
      line.endsWithNewline
        ? `invalid JSON (${detail})`
        : `invalid JSON in the last line, which has no final newline: the file was probably cut off mid-write (${detail})`,
    );
  }
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
      return [normaliseComplianceRecord(parsed, fileTime)];
    case null:
      return problem(
        `JSON object with keys ${describeKeys(parsed)} is not a twarc2 page, flattened tweet or compliance record`,
      );
  }
}
