/** Import sources: reading captured files into normalised items, deletions and quarantine records. */
export type { RecordBody, RecordLocation, Source, SourceRecord } from './source.js';
export { readLines, type ReadLinesOptions, type TextLine } from './line-reader.js';
export { detectSource, HEAD_BYTES, listInputFiles, SOURCES, UnknownFormatError } from './detect.js';
export { twarc2Source } from './twarc2/twarc2.reader.js';
