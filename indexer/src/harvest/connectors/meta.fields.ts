/**
 * The Graph API fields the harvest asks for: what the meta-graph reader reads. Posts inline their
 * first 100 comments and each comment its first 100 replies; the comment pages beyond those are
 * asked with the same comment fields, so every page reads alike.
 */

const COMMENT_FIELDS_FB = 'id,created_time,from,message,message_tags,permalink_url,parent{id},attachment';
const COMMENT_FIELDS_IG = 'id,text,timestamp,username,from,like_count';
// A page of an edge carries no id of the media it lists under (the reader learns it from the URL,
// which a replayed or proxied response may not show): asked explicitly.
const COMMENT_PAGE_FIELDS_IG = `${COMMENT_FIELDS_IG},parent_id,media{id}`;

/** Inline first pages of comments and of their replies; `summary` gives the post's top-level comment count. */
export const FACEBOOK_FIELDS = [
  'id,created_time,updated_time,from,message,message_tags,permalink_url,status_type,parent_id,full_picture',
  'attachments{description,media,media_type,target,title,type,unshimmed_url,url,subattachments}',
  `comments.limit(100).summary(true){${COMMENT_FIELDS_FB},comments.limit(100){${COMMENT_FIELDS_FB}}}`,
].join(',');

export const INSTAGRAM_FIELDS = [
  'id,caption,media_type,media_product_type,media_url,permalink,thumbnail_url,timestamp,username,owner,like_count,comments_count',
  'children{id,media_type,media_url,permalink,thumbnail_url,timestamp}',
  `comments.limit(100){${COMMENT_FIELDS_IG},replies.limit(100){${COMMENT_FIELDS_IG}}}`,
].join(',');

/** `/{post-id}/comments` pages (with each comment's first replies) and `/{comment-id}/comments|replies` pages. */
export const COMMENT_PAGE_FIELDS = {
  facebook: {
    comments: `${COMMENT_FIELDS_FB},comments.limit(100){${COMMENT_FIELDS_FB}}`,
    replies: COMMENT_FIELDS_FB,
  },
  instagram: {
    comments: `${COMMENT_PAGE_FIELDS_IG},replies.limit(100){${COMMENT_FIELDS_IG}}`,
    replies: COMMENT_PAGE_FIELDS_IG,
  },
} as const;

/** Comments per page: the Graph API's maximum for comment edges. */
export const COMMENT_PAGE_SIZE = 100;
