import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLines, type ReadLinesOptions, type TextLine } from './line-reader.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bewaard-lines-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function linesOf(content: string | Buffer, options?: ReadLinesOptions): Promise<TextLine[]> {
  const file = join(dir, `f${Math.random().toString(36).slice(2)}.txt`);
  await writeFile(file, content);
  const lines: TextLine[] = [];
  for await (const line of readLines(file, options)) lines.push(line);
  return lines;
}

const brief = (lines: TextLine[]): Array<[string, number, number, boolean]> =>
  lines.map((l) => [l.text, l.line, l.offset, l.endsWithNewline]);

describe('readLines', () => {
  it('gives text, 1-based line numbers and byte offsets', async () => {
    expect(brief(await linesOf('a\nbb\n\nccc\n'))).toEqual([
      ['a', 1, 0, true],
      ['bb', 2, 2, true],
      ['', 3, 5, true],
      ['ccc', 4, 6, true],
    ]);
  });

  it('reports a final line without newline as such', async () => {
    expect(brief(await linesOf('a\nb'))).toEqual([
      ['a', 1, 0, true],
      ['b', 2, 2, false],
    ]);
  });

  it('strips CRLF and counts the CR in offsets', async () => {
    expect(brief(await linesOf('a\r\nb\r\nc\r'))).toEqual([
      ['a', 1, 0, true],
      ['b', 2, 3, true],
      ['c', 3, 6, false],
    ]);
  });

  it('counts offsets in bytes, not characters, and drops only a leading BOM', async () => {
    const lines = await linesOf(
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('ëé\n\uFEFFx\n')]),
    );
    expect(brief(lines)).toEqual([
      ['ëé', 1, 0, true],
      ['\uFEFFx', 2, 8, true],
    ]);
    expect(lines[0]?.byteLength).toBe(7);
  });

  it('assembles lines and multi-byte characters split across chunks', async () => {
    const content = 'één\nlonger line with ë in it\nx';
    for (const chunkSize of [1, 2, 3, 5, 7]) {
      expect(brief(await linesOf(content, { chunkSize }))).toEqual(brief(await linesOf(content)));
    }
    expect((await linesOf(content, { chunkSize: 1 })).map((l) => l.text)).toEqual([
      'één',
      'longer line with ë in it',
      'x',
    ]);
  });

  it('flags overlong lines without holding them, and keeps counting offsets', async () => {
    const long = 'y'.repeat(10_000);
    const lines = await linesOf(`${long}\nshort\n`, { chunkSize: 1000, maxLineBytes: 5000 });
    expect(lines.map((l) => [l.overLong, l.text.length, l.offset, l.byteLength])).toEqual([
      [true, 4096, 0, 10_000],
      [false, 5, 10_001, 5],
    ]);
  });

  it('flags invalid UTF-8 and gives a lossy decoding', async () => {
    const [line] = await linesOf(Buffer.from([0x61, 0xff, 0x62]));
    expect(line).toMatchObject({ text: 'a\uFFFDb', invalidUtf8: true, endsWithNewline: false });
  });

  it('yields nothing for an empty file and one empty line for a lone newline', async () => {
    expect(await linesOf('')).toEqual([]);
    expect(brief(await linesOf('\n'))).toEqual([['', 1, 0, true]]);
  });
});
