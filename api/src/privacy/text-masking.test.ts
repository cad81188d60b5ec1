import { describe, expect, it } from 'vitest';
import { CitizenPseudonyms, handleKey, maskText, numberInOrderOfAppearance } from './text-masking.js';

describe('maskText', () => {
  const ours = new Set(['minbzk']);
  const pseudonyms = new CitizenPseudonyms();
  const pseudonymFor = (handle: string) =>
    ours.has(handle.toLowerCase()) ? null : `burger_${pseudonyms.numberFor(handleKey('x', handle))}`;

  it('replaces identifiers with labels and citizens\u2019 mentions with pseudonyms, keeping our accounts', () => {
    const text =
      '@MinBZK @jan_jansen mijn BSN is 111222333, bel 06-12345678 of mail jan@example.nl (@Jan_Jansen)';
    expect(maskText(text, pseudonymFor)).toBe(
      '@MinBZK @burger_1 mijn BSN is [BSN], bel [telefoonnummer] of mail [e-mailadres] (@burger_1)',
    );
  });

  it('numbers people in order of first appearance and keeps numbers within one map', () => {
    expect(maskText('@piet en @klaas', pseudonymFor)).toBe('@burger_2 en @burger_3');
    expect(maskText('@klaas', pseudonymFor)).toBe('@burger_3');
  });

  it('treats Mastodon handles as one mention and leaves e-mail addresses to the e-mail rule', () => {
    const p = new CitizenPseudonyms();
    expect(
      maskText('hoi @anna@mastodon.social, mail anna@example.org', (h) => `burger_${p.numberFor(h)}`),
    ).toBe('hoi @burger_1, mail [e-mailadres]');
  });

  it('leaves text without identifiers or mentions as it is', () => {
    expect(maskText('Dijkversterking begint in 2024 (fase 2).', () => 'x')).toBe(
      'Dijkversterking begint in 2024 (fase 2).',
    );
  });
});

describe('numberInOrderOfAppearance', () => {
  it('renumbers pseudonyms by first appearance in the response, consistently', () => {
    const [p7, p3] = [CitizenPseudonyms.displayName(7), CitizenPseudonyms.handle(3)];
    const data = {
      a: [{ name: p7 }, { text: `@${p3} en @${CitizenPseudonyms.handle(7)}` }],
      b: { id: CitizenPseudonyms.id(3) },
      n: 5,
      x: null,
    };
    expect(numberInOrderOfAppearance(data)).toEqual({
      a: [{ name: 'Burger 1' }, { text: '@burger_2 en @burger_1' }],
      b: { id: 'pseudonym-2' },
      n: 5,
      x: null,
    });
  });

  it('rebuilds only what holds a pseudonym, and returns a response without any as it is', () => {
    const untouched = { id: 'item-1', tags: ['a', 'b'] };
    const data = { a: untouched, b: [{ name: CitizenPseudonyms.displayName(9) }] };
    const out = numberInOrderOfAppearance(data);
    expect(out.a).toBe(untouched);
    expect(out.b[0]).toEqual({ name: 'Burger 1' });
    expect(data.b[0]!.name).toBe(CitizenPseudonyms.displayName(9));
    const plain = { c: [{ d: 'x' }] };
    expect(numberInOrderOfAppearance(plain)).toBe(plain);
  });

  it('leaves scalar values that are not plain objects, such as serialised dates, as they are', () => {
    const at = new Date('2024-05-01T10:00:00.000Z');
    const row: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    Object.assign(row, { createdAt: at, name: CitizenPseudonyms.displayName(4) });
    const out = numberInOrderOfAppearance({ items: [row] });
    expect(out.items[0]!.createdAt).toBe(at);
    expect(JSON.stringify(out)).toBe('{"items":[{"createdAt":"2024-05-01T10:00:00.000Z","name":"Burger 1"}]}');
  });
});
