import type { Source, SourceRecord } from '../source.js';
import { contentInput, fileInput, readJsonPayloads, type InputText } from '../mastodon/payload-reader.js';
import { detectBlueskyApi } from './bluesky.detect.js';
import { blueskyPayloadRecords } from './bluesky.payload.js';
import { BLUESKY_API_FORMAT } from './bluesky.post.js';

/**
 * Bluesky AppView responses: app.bsky.feed.getAuthorFeed (and other feed pages),
 * getPostThread, getPosts/searchPosts, a bare post view or an array of them; one document per
 * file, or one response per line (JSON Lines).
 *
 * Ids: platformItemId is the post's AT URI (`at://<did>/app.bsky.feed.post/<rkey>`), the actor id
 * its DID; a repost is `<post uri>#repost-by-<reposter did>` (see repostItem).
 */
export const blueskyApiSource: Source = {
  format: BLUESKY_API_FORMAT,
  detect: (_file, head) => detectBlueskyApi(head),
  read: (file) => readBlueskyApi(fileInput(file)),
  readContent: (label, content) => readBlueskyApi(contentInput(label, content)),
};

async function* readBlueskyApi(input: InputText): AsyncGenerator<SourceRecord> {
  for await (const payload of readJsonPayloads(input)) {
    if (payload.kind === 'quarantine') yield payload;
    else for (const body of blueskyPayloadRecords(payload.value)) yield { ...body, location: payload.location };
  }
}
