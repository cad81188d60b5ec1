import { describeKeys, isJsonObject, safeStringify } from '../json.js';
import { quarantine, type RecordBody, type Source, type SourceRecord } from '../source.js';
import { detectMetaGraph, graphRequestOf, isGraphError, isGraphPage } from './graph.classify.js';
import { META_GRAPH_FORMAT } from './graph.facebook.js';
import { normaliseGraphPage } from './graph.page.js';
import { optionalString } from './json-fields.js';
import { jsonUnitsOfText, readJsonUnits, type JsonUnit } from './json-input.js';

/**
 * Meta Graph API responses as a harvester saves them: one response per file, or one per line
 * (JSON Lines). Facebook page feeds (`/{page-id}/feed`, `/posts`), object comments
 * (`/{object-id}/comments`) and Instagram media (`/{ig-user-id}/media`), with inline comments and
 * replies. See graph.classify.ts for how Facebook and Instagram are told apart.
 */
export const metaGraphSource: Source = {
  format: META_GRAPH_FORMAT,
  detect: (_file, head) => detectMetaGraph(head),
  read: (file) => recordsOfUnits(() => readJsonUnits(file, true), null),
  // `label` may name the request URL (a WARC record's target URI): it says which edge was read.
  readContent: (label, content) => recordsOfUnits(() => Promise.resolve(jsonUnitsOfText(content, label, true)), label),
};

/** `units` is called on the first next(), so nothing is read (or can fail unobserved) before iteration. */
async function* recordsOfUnits(units: () => Promise<JsonUnit[]>, label: string | null): AsyncGenerator<SourceRecord> {
  for (const unit of await units()) {
    if (unit.kind === 'bad') {
      yield { kind: 'quarantine', reason: unit.reason, excerpt: unit.excerpt, location: unit.location };
      continue;
    }
    for (const body of recordsOfResponse(unit.value, label)) yield { ...body, location: unit.location };
  }
}

function recordsOfResponse(value: unknown, label: string | null): RecordBody[] {
  if (isGraphError(value)) {
    const message = optionalString(value.error, 'message') ?? 'no message';
    const type = optionalString(value.error, 'type') ?? 'error';
    return [quarantine(`the Graph API answered with an error instead of data (${type}: ${message})`, safeStringify(value))];
  }
  if (!isGraphPage(value)) {
    const seen = isJsonObject(value)
      ? `JSON object with keys ${describeKeys(value)}`
      : `JSON ${Array.isArray(value) ? 'array' : typeof value}`;
    return [quarantine(`${seen} is not a Graph API list response ({"data": [...], "paging": ...})`, safeStringify(value))];
  }
  return normaliseGraphPage(value, graphRequestOf(value, label));
}
