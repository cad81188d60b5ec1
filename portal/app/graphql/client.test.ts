import { describe, expect, it } from 'vitest';
import { interpretBody } from './client.server';

describe('interpretBody', () => {
  it('returns data', () => {
    expect(interpretBody({ data: { me: null, x: 1 } })).toEqual({ ok: true, data: { me: null, x: 1 } });
  });

  it('maps the first error to its code', () => {
    const r = interpretBody({
      data: null,
      errors: [{ message: 'nope', extensions: { code: 'UNAUTHENTICATED' } }],
    });
    expect(r).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'nope' } });
  });

  it('treats unknown codes as internal and validation failures as bad input', () => {
    expect(interpretBody({ errors: [{ message: 'x', extensions: { code: 'WEIRD' } }] })).toMatchObject({
      error: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(
      interpretBody({ errors: [{ message: 'x', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] }),
    ).toMatchObject({
      error: { code: 'BAD_USER_INPUT' },
    });
  });

  it('rejects bodies that are not GraphQL', () => {
    expect(interpretBody('<html>')).toMatchObject({ ok: false, error: { code: 'API_UNAVAILABLE' } });
    expect(interpretBody({})).toMatchObject({ ok: false, error: { code: 'API_UNAVAILABLE' } });
  });
});
