import { stat } from 'node:fs/promises';
import type { Source, SourceRecord } from '../source.js';
import { detectMastodonApi } from './mastodon.detect.js';
import { streamEventRecords, type MastodonEnvironment } from './mastodon.events.js';
import { historyHint } from './mastodon.history.js';
import { hostFromLabel, MastodonInstance } from './mastodon.instance.js';
import { mastodonPayloadRecords } from './mastodon.payload.js';
import { MASTODON_API_FORMAT } from './mastodon.status.js';
import { isSseLine, readSseEvents } from './mastodon.sse.js';
import { contentInput, fileInput, firstNonBlankLine, readJsonPayloads, type InputText } from './payload-reader.js';
import { ThreadIndex } from './thread-index.js';

/**
 * Mastodon REST and streaming API captures: a Status, a timeline (array of Statuses), a search
 * result, a Context, an edit history (StatusEdit array), a DELETE response, and streaming
 * events (server-sent events text, or WebSocket messages as JSON Lines). A file holds one
 * pretty-printed document, or one payload/event per line.
 *
 * Ids: platformItemId is the status `uri` (ActivityPub id, also what the account-archive export
 * uses); local ids are translated as MastodonInstance explains. Authors are identified by their
 * ActivityPub actor id.
 */
export const mastodonApiSource: Source = {
  format: MASTODON_API_FORMAT,
  detect: (_file, head) => detectMastodonApi(head),
  read: async function* (file) {
    const hint = historyHint(file);
    const { mtime } = await stat(file);
    // A file's mtime is when its capture ended: the best witness of when deletions in it were seen,
    // and the same on every re-import.
    yield* readMastodonApi(fileInput(file), hint.host, hint.statusId, mtime);
  },
  readContent: (label, content) => {
    const hint = historyHint(label);
    return readMastodonApi(contentInput(label, content), hostFromLabel(label) ?? hint.host, hint.statusId, new Date());
  },
};

async function* readMastodonApi(
  input: InputText,
  host: string | null,
  historyStatusId: string | null,
  detectedAt: Date,
): AsyncGenerator<SourceRecord> {
  const env: MastodonEnvironment = {
    instance: new MastodonInstance(host),
    threads: new ThreadIndex(),
    historyStatusId,
    source: input.name,
    detectedAt,
  };
  const first = await firstNonBlankLine(input);
  if (first !== null && isSseLine(first.text.trim())) {
    for await (const event of readSseEvents(input.lines(), input.name)) {
      if (event.kind === 'quarantine') yield event;
      else for (const body of streamEventRecords(event.event, event.data, env)) yield { ...body, location: event.location };
    }
    return;
  }
  for await (const payload of readJsonPayloads(input)) {
    if (payload.kind === 'quarantine') yield payload;
    else for (const body of mastodonPayloadRecords(payload.value, env)) yield { ...body, location: payload.location };
  }
}
