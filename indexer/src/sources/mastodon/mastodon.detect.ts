import { isJsonObject } from '../json.js';
import { classifyMastodonPayload, isStatusLike } from './mastodon.payload.js';
import { isSseLine } from './mastodon.sse.js';
import { parseJson, withoutBom } from './payload-reader.js';

const STREAM_EVENT = /^event:\s*(update|status\.update|delete|notification|conversation|filters_changed|announcement(\.reaction|\.delete)?|encrypted_message|notifications_merged)\s*$/m;

/**
 * Whether the first 64 KiB of a file look like a Mastodon REST or streaming API capture:
 * - server-sent events naming one of Mastodon's streaming events;
 * - a JSON document or JSON Lines whose value classifyMastodonPayload recognises;
 * - when the head is cut inside a large document (a 40-status timeline is often more than
 *   64 KiB), the start of one: statuses show `"account": {` next to `"spoiler_text"`, a
 *   context starts with `"ancestors"`, a WebSocket event with `"event"`/`"stream"` and `"payload"`.
 */
export function detectMastodonApi(head: string): boolean {
  const text = withoutBom(head).trim();
  if (text === '') return false;
  const firstLine = text.slice(0, text.indexOf('\n') === -1 ? undefined : text.indexOf('\n')).trim();
  if (isSseLine(firstLine)) return STREAM_EVENT.test(text);

  for (const candidate of [text, firstLine]) {
    const parsed = parseJson(candidate);
    if (!parsed.ok) continue;
    // An empty array says nothing about where it came from.
    if (Array.isArray(parsed.value) && parsed.value.length === 0) return false;
    return showsMastodonStatus(parsed.value);
  }

  if (!/^[[{]/.test(text)) return false;
  const status = /"account"\s*:\s*\{/.test(text) && /"spoiler_text"\s*:/.test(text) && /"(content|text)"\s*:/.test(text);
  const context = /^\{\s*"ancestors"\s*:\s*\[/.test(text);
  const event = /^\{\s*"(event|stream)"\s*:/.test(text) && /"payload"\s*:/.test(text);
  return status || context || event;
}

/**
 * Reading is lenient (a bad element is quarantined on its own); detection is not: a context or
 * search result must hold a status, a WebSocket message must name a Mastodon event.
 */
function showsMastodonStatus(value: unknown): boolean {
  const kind = classifyMastodonPayload(value);
  if (kind === null || !isJsonObject(value)) return kind !== null;
  switch (kind) {
    case 'context':
      return [...(value.ancestors as unknown[]), ...(value.descendants as unknown[])].some(isStatusLike);
    case 'search':
      return (value.statuses as unknown[]).some(isStatusLike);
    case 'stream-event':
      return STREAM_EVENT.test(`event: ${String(value.event)}`);
    default:
      return true;
  }
}
