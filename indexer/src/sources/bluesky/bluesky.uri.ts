/** AT URIs and the bsky.app web addresses of posts. */

export interface AtUri {
  /** The repository: a DID (`did:plc:…`), rarely a handle. */
  repo: string;
  collection: string;
  rkey: string;
}

const AT_URI = /^at:\/\/([^/\s]+)\/([a-zA-Z0-9.-]+)\/([a-zA-Z0-9._:~-]{1,512})$/;

export function parseAtUri(uri: string): AtUri | null {
  const match = AT_URI.exec(uri);
  if (match === null) return null;
  return { repo: match[1] ?? '', collection: match[2] ?? '', rkey: match[3] ?? '' };
}

export const POST_COLLECTION = 'app.bsky.feed.post';

export function isPostUri(uri: string): boolean {
  return parseAtUri(uri)?.collection === POST_COLLECTION;
}

/**
 * `https://bsky.app/profile/<handle>/post/<rkey>`. A handle that no longer verifies is reported as
 * `handle.invalid`; the DID works in the same place and never changes.
 */
export function postWebUrl(handle: string | null, did: string, rkey: string): string {
  const profile = handle !== null && handle !== '' && handle !== 'handle.invalid' ? handle : did;
  return `https://bsky.app/profile/${profile}/post/${rkey}`;
}
