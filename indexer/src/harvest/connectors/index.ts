import type { Platform } from '@bewaard/schema';
import type { Connector } from './connector.js';
import { blueskyConnector } from './bluesky.connector.js';
import { mastodonConnector } from './mastodon.connector.js';
import { facebookConnector, instagramConnector } from './meta.connector.js';
import { xConnector } from './x.connector.js';
import { youtubeConnector } from './youtube.connector.js';

export type { Connector } from './connector.js';

/** The platforms `bewaard harvest` can read live. */
export const CONNECTORS: ReadonlyMap<Platform, Connector> = new Map<Platform, Connector>([
  [mastodonConnector.platform, mastodonConnector],
  [blueskyConnector.platform, blueskyConnector],
  [xConnector.platform, xConnector],
  [facebookConnector.platform, facebookConnector],
  [instagramConnector.platform, instagramConnector],
  [youtubeConnector.platform, youtubeConnector],
]);
