import { describe, expect, it } from 'vitest';
import { authorHandle, authorName } from './people';

const item = (
  displayName: string | null,
  handle: string | null,
  account: { displayName: string; handle: string } | null = null,
) => ({
  author: { id: 'a', displayName, handle, account: null },
  account: account && { id: 'acc', platform: 'X' as const, kind: 'ORGANISATION' as const, ...account },
});

describe('author display', () => {
  it('prefers the display name and shows the handle beside it', () => {
    expect(authorName(item('Min AZ', 'minaz'), '?')).toBe('Min AZ');
    expect(authorHandle(item('Min AZ', '@minaz'))).toBe('@minaz');
  });

  it('falls back to the account, then the handle, without repeating it', () => {
    expect(authorName(item(null, null, { displayName: 'Rijksoverheid', handle: 'rijksoverheid' }), '?')).toBe(
      'Rijksoverheid',
    );
    expect(authorName(item(null, 'burger1'), '?')).toBe('@burger1');
    expect(authorHandle(item(null, 'burger1'))).toBeNull();
    expect(authorName(item(null, null), 'Onbekend')).toBe('Onbekend');
  });
});
