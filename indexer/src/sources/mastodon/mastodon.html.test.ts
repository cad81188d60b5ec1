import { describe, expect, it } from 'vitest';
import { accountOfProfileUrl, decodeEntities, hashtagsInHtml, htmlToText, linksInHtml, mentionsInHtml } from './mastodon.html.js';

describe('htmlToText', () => {
  it('turns paragraphs into blank lines and <br> into newlines, without trailing spaces', () => {
    expect(htmlToText('<p>een <br />twee<br>drie</p><p>vier</p>')).toBe('een\ntwee\ndrie\n\nvier');
  });

  it('keeps the whole text of a shortened link', () => {
    const link = '<a href="https://example.nl/lang/pad"><span class="invisible">https://</span><span class="ellipsis">example.nl/la</span><span class="invisible">ng/pad</span></a>';
    expect(htmlToText(`<p>${link}</p>`)).toBe('https://example.nl/lang/pad');
  });

  it('decodes entities once, after removing tags', () => {
    expect(htmlToText('<p>&lt;b&gt; &amp;amp; &#39;x&#x27; &eacute;</p>')).toBe("<b> &amp; 'x' &eacute;");
    expect(decodeEntities('&#0; &#1114112;')).toBe('&#0; &#1114112;');
  });

  it('drops source formatting newlines next to tags but keeps those inside text', () => {
    expect(htmlToText('<p>\nregel een\nregel twee\n</p>\n<p>daarna</p>')).toBe('regel een\nregel twee\n\ndaarna');
  });
});

describe('links, hashtags and mentions in HTML', () => {
  const html =
    '<p><a href="https://x.nl/tags/Water" class="mention hashtag" rel="tag">#<span>Water</span></a> ' +
    '<span class="h-card"><a href="https://x.nl/@anna" class="u-url mention">@<span>anna</span></a></span> ' +
    '<a href="https://pleroma.example/users/bob" class="u-url mention">@bob</a> ' +
    "<a href='https://rijksoverheid.nl/?a=1&amp;b=2'>link</a> <a href=\"mailto:x@y.nl\">mail</a></p>";

  it('finds plain links only', () => {
    expect(linksInHtml(html)).toEqual(['https://rijksoverheid.nl/?a=1&b=2']);
  });

  it('finds hashtags by their link class', () => {
    expect(hashtagsInHtml(html)).toEqual(['Water']);
  });

  it('finds mentions as user@host from the profile link', () => {
    expect(mentionsInHtml(html)).toEqual(['anna@x.nl', 'bob@pleroma.example']);
    expect(accountOfProfileUrl('https://x.nl/about')).toBeNull();
  });
});
