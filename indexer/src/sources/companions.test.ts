import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { companionOf } from './companions.js';

const set = (...files: string[]) => new Set(files.map((f) => path.join('/in', f)));

describe('companionOf', () => {
  it('assigns an unpacked X archive media and viewer files to its manifest, not the data files', () => {
    const files = set('data/manifest.js', 'data/tweets.js', 'data/tweets_media/1-a.jpg', 'assets/js/app.js', 'Your archive.html');
    expect(companionOf('/in/data/tweets_media/1-a.jpg', files)).toBe('/in/data/manifest.js');
    expect(companionOf('/in/assets/js/app.js', files)).toBe('/in/data/manifest.js');
    expect(companionOf('/in/Your archive.html', files)).toBe('/in/data/manifest.js');
    expect(companionOf('/in/data/tweets.js', files)).toBeNull();
  });

  it('assigns Mastodon archive side files to outbox.json', () => {
    const files = set('export/outbox.json', 'export/actor.json', 'export/media_attachments/files/1/a.png', 'export/notes.txt');
    expect(companionOf('/in/export/actor.json', files)).toBe('/in/export/outbox.json');
    expect(companionOf('/in/export/media_attachments/files/1/a.png', files)).toBe('/in/export/outbox.json');
    expect(companionOf('/in/export/notes.txt', files)).toBeNull();
  });

  it('claims nothing without the archive file', () => {
    expect(companionOf('/in/data/tweets_media/1-a.jpg', set('data/tweets_media/1-a.jpg'))).toBeNull();
  });
});
