import type { NormalisedItem } from '@bewaard/schema';
import { isJsonObject, safeStringify, type JsonObject } from '../json.js';
import { quarantine, type RecordBody } from '../source.js';
import { classifyGraphPage, type GraphPageKind, type GraphRequest } from './graph.classify.js';
import { normaliseFacebookComment, normaliseFacebookPost, type CommentContext } from './graph.facebook.js';
import { INSTAGRAM_ID, normaliseInstagramComment, normaliseInstagramMedia } from './graph.instagram.js';
import { InvalidRecordError, optionalArray, optionalObject } from './json-fields.js';

/**
 * One Graph API list response: a page feed (posts with their inline comments and replies), an
 * object's comments, or an IG user's media (with inline comments). Every post, comment and reply
 * becomes an item; whatever cannot be read becomes a quarantine record and the rest is read.
 */

/** Replies to replies do not exist on either platform; deeper nesting means a broken capture. */
const MAX_COMMENT_DEPTH = 4;
const OWN_POSTS_EDGES = new Set(['posts', 'published_posts']);

export function normaliseGraphPage(page: JsonObject, request: GraphRequest): RecordBody[] {
  const records: RecordBody[] = [];
  const data = page.data as unknown[];
  if (data.length === 0) return records; // an empty last page is not an error
  const kind = classifyGraphPage(page, request);
  if (kind === null) {
    records.push(quarantine('the page\'s objects are neither Facebook posts or comments nor Instagram media or comments', safeStringify(data[0])));
    return records;
  }
  // Cursors stay with every item: they say where in the listing it was captured.
  const envelope = pageEnvelope(page);
  data.forEach((object, index) => {
    const where = `data[${index}]`;
    if (!isJsonObject(object)) {
      records.push(quarantine(`${where} is not a JSON object`, safeStringify(object)));
      return;
    }
    const raw = rawBody(object, envelope);
    const topLevelContext: CommentContext = { postId: postIdOfEdge(request, kind), parentId: request.objectId };
    switch (kind) {
      case 'facebook-posts': {
        const item = attempt(records, object, () =>
          normaliseFacebookPost(object, where, OWN_POSTS_EDGES.has(request.edge ?? ''), raw),
        );
        const id = item?.platformItemId ?? null;
        walkComments(records, object, 'comments', 'facebook', { postId: id, parentId: id }, where, 1);
        break;
      }
      case 'facebook-comments':
        walkComment(records, object, 'facebook', topLevelContext, where, raw, 1);
        break;
      case 'instagram-media': {
        const listedUser = request.edge === 'media' && INSTAGRAM_ID.test(request.objectId ?? '') ? request.objectId : null;
        const item = attempt(records, object, () => normaliseInstagramMedia(object, where, listedUser, raw));
        const id = item?.platformItemId ?? null;
        walkComments(records, object, 'comments', 'instagram', { postId: id, parentId: id }, where, 1);
        break;
      }
      case 'instagram-comments':
        walkComment(records, object, 'instagram', topLevelContext, where, raw, 1);
        break;
    }
  });
  return records;
}

type CommentPlatform = 'facebook' | 'instagram';

/** The comments inlined under `field` (`comments` on posts and FB comments, `replies` on IG comments). */
function walkComments(
  records: RecordBody[],
  owner: JsonObject,
  field: string,
  platform: CommentPlatform,
  context: CommentContext,
  where: string,
  depth: number,
): void {
  const edge = optionalObject(owner, field);
  if (edge === null) return;
  const envelope = pageEnvelope(edge);
  optionalArray(edge, 'data').forEach((comment, index) => {
    const path = `${where}.${field}.data[${index}]`;
    if (!isJsonObject(comment)) {
      records.push(quarantine(`${path} is not a JSON object`, safeStringify(comment)));
      return;
    }
    walkComment(records, comment, platform, context, path, rawBody(comment, envelope), depth);
  });
}

function walkComment(
  records: RecordBody[],
  comment: JsonObject,
  platform: CommentPlatform,
  context: CommentContext,
  where: string,
  raw: string,
  depth: number,
): void {
  if (depth > MAX_COMMENT_DEPTH) {
    records.push(quarantine(`${where} is nested ${depth} comments deep, more than the Graph API nests`, safeStringify(comment)));
    return;
  }
  const item = attempt(records, comment, () =>
    platform === 'facebook'
      ? normaliseFacebookComment(comment, context, where, raw)
      : normaliseInstagramComment(comment, context, where, raw),
  );
  // Replies keep their conversation even when their parent could not be read.
  const replyContext: CommentContext = {
    postId: item?.conversationPlatformId ?? context.postId,
    parentId: item?.platformItemId ?? null,
  };
  walkComments(records, comment, platform === 'facebook' ? 'comments' : 'replies', platform, replyContext, where, depth + 1);
}

function attempt(records: RecordBody[], object: JsonObject, normalise: () => NormalisedItem): NormalisedItem | null {
  try {
    const item = normalise();
    records.push({ kind: 'item', item });
    return item;
  } catch (error) {
    if (!(error instanceof InvalidRecordError)) throw error;
    records.push(quarantine(error.message, safeStringify(object)));
    return null;
  }
}

/**
 * The post whose comments were listed, when the request URL names it: a Facebook post id is
 * `<page id>_<post id>` (a comment id has the same shape, so only permalinks can tell them apart
 * and those win in the normaliser); an IG media id is all digits.
 */
function postIdOfEdge(request: GraphRequest, kind: GraphPageKind): string | null {
  if (request.edge !== 'comments' || request.objectId === null) return null;
  if (kind === 'instagram-comments') return INSTAGRAM_ID.test(request.objectId) ? request.objectId : null;
  return /^\d+_\d+$/.test(request.objectId) ? request.objectId : null;
}

/** The page keys kept next to each item: paging (cursors, next/previous URLs) and summary. */
function pageEnvelope(page: JsonObject): JsonObject {
  const envelope: JsonObject = {};
  for (const key of ['paging', 'summary']) if (key in page) envelope[key] = page[key];
  return envelope;
}

/**
 * The evidence kept for one object: a one-object page `{data: [object], paging, summary}` in the
 * captured key order, which this source can read back. Deterministic, so a re-import yields the
 * same raw body.
 */
function rawBody(object: JsonObject, envelope: JsonObject): string {
  return JSON.stringify({ data: [object], ...envelope });
}
