/**
 * Mastodon status HTML (API `content`, ActivityPub `content`) to the plain text a reader sees.
 * The HTML is already sanitised by the server (p, br, a, span, and a few block elements on
 * remote posts), so a small tag-level conversion is enough; no DOM is needed.
 */

const BLOCK_END = /<\/(p|blockquote|pre|h[1-6]|ul|ol)\s*>/gi;

export function htmlToText(html: string): string {
  const text = html
    .replace(/\r\n?/g, '\n')
    // Newlines next to tags are source formatting (remote servers pretty-print); inside text
    // they are kept, as Mastodon renders status text with white-space: pre-wrap.
    .replace(/>\n+/g, '>')
    .replace(/\n+</g, '<')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(BLOCK_END, '\n\n')
    .replace(/<\/li\s*>/gi, '\n')
    // Every other tag goes, its text stays: a link's text, including Mastodon's
    // <span class="invisible">https://</span> parts, is the URL exactly as it was written.
    .replace(/<[^>]*>/g, '');
  return decodeEntities(text)
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** One pass, so "&amp;lt;" becomes "&lt;" and not "<". Unknown names stay as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (match, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : match;
    }
    return NAMED[name.toLowerCase()] ?? match;
  });
}

/**
 * The links a status makes: href of every <a> that is not a mention or a hashtag (Mastodon marks
 * those with class "mention"/"hashtag" and rel "tag"; Pleroma and Misskey do the same).
 */
export function linksInHtml(html: string): string[] {
  const links: string[] = [];
  for (const match of html.matchAll(/<a\s([^>]*)>/gi)) {
    const attributes = match[1] ?? '';
    const href = attribute(attributes, 'href');
    if (href === null || !/^https?:\/\//i.test(href)) continue;
    const classes = attribute(attributes, 'class') ?? '';
    const rel = attribute(attributes, 'rel') ?? '';
    if (/\b(mention|hashtag)\b/.test(classes) || /\btag\b/.test(rel)) continue;
    links.push(href);
  }
  return [...new Set(links)];
}

function attribute(attributes: string, name: string): string | null {
  const match = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'i').exec(attributes);
  const value = match?.[1] ?? match?.[2];
  return value === undefined ? null : decodeEntities(value);
}

/** Hashtags written in the HTML (`#<span>Tag</span>` inside a hashtag link), without '#'. */
export function hashtagsInHtml(html: string): string[] {
  const tags: string[] = [];
  for (const match of html.matchAll(/<a\s([^>]*)>([\s\S]*?)<\/a>/gi)) {
    const attributes = match[1] ?? '';
    const classes = attribute(attributes, 'class') ?? '';
    const rel = attribute(attributes, 'rel') ?? '';
    if (!/\bhashtag\b/.test(classes) && !/\btag\b/.test(rel)) continue;
    const text = htmlToText(match[2] ?? '').replace(/^#/, '');
    if (text !== '') tags.push(text);
  }
  return [...new Set(tags)];
}

/**
 * Accounts mentioned in the HTML, as `user@host` taken from the mention link (`https://host/@user`
 * or `https://host/users/user`): the link says where the account lives, the visible text does not.
 */
export function mentionsInHtml(html: string): string[] {
  const mentions: string[] = [];
  for (const match of html.matchAll(/<a\s([^>]*)>/gi)) {
    const attributes = match[1] ?? '';
    const classes = attribute(attributes, 'class') ?? '';
    if (!/\bmention\b/.test(classes) || /\bhashtag\b/.test(classes)) continue;
    const account = accountOfProfileUrl(attribute(attributes, 'href'));
    if (account !== null) mentions.push(account);
  }
  return [...new Set(mentions)];
}

export function accountOfProfileUrl(href: string | null): string | null {
  if (href === null) return null;
  const match = /^https?:\/\/([^/?#]+)\/(?:@|users\/)([^/?#]+)\/?$/i.exec(href);
  return match ? `${match[2]}@${match[1]?.toLowerCase()}` : null;
}
