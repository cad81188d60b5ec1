/**
 * The X API v2 fields the harvest asks for: what the twarc2 reader uses (edit chains, threads,
 * media and the authors in `includes`). The timeline and the conversation search ask for the same,
 * so their pages read alike.
 */
export const TWEET_FIELDS = {
  'tweet.fields':
    'attachments,author_id,conversation_id,created_at,edit_controls,edit_history_tweet_ids,entities,in_reply_to_user_id,lang,possibly_sensitive,public_metrics,referenced_tweets,reply_settings,source,text',
  expansions:
    'attachments.media_keys,author_id,edit_history_tweet_ids,in_reply_to_user_id,referenced_tweets.id,referenced_tweets.id.author_id',
  'user.fields': 'created_at,name,username,verified',
  'media.fields': 'alt_text,duration_ms,height,media_key,preview_image_url,type,url,variants,width',
};

/** The largest page both the user timeline and recent search serve. */
export const X_PAGE_SIZE = 100;
