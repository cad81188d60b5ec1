import type { SearchIndex } from '@bewaard/schema';
import { parse, type GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_QUERY_COMPLEXITY } from '../server.js';
import { buildApiSchema, createServices } from './build-schema.js';
import { DEFAULT_LIST_SIZE, queryComplexity } from './complexity-limit.js';

const NODE =
  'id text author{ handle displayName } organisation{ name } account{ handle } versions{ versionNo text }';

describe('queryComplexity', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildApiSchema(
      createServices({ ds: {} as DataSource, searchIndex: {} as SearchIndex, sessionTtlHours: 1 }).container,
    );
  });
  const cost = (query: string, variables: Record<string, unknown> = {}) =>
    queryComplexity(schema, parse(query), undefined, variables);

  it('counts each field once outside lists', () => {
    expect(cost('{ me{ id email } }')).toBe(3);
  });

  it("multiplies what a connection's list holds by the page size, from a literal, a variable or the default", () => {
    expect(cost('{ search(first:5){ edges{ cursor } } }')).toBe(1 + 5 * 2);
    expect(cost('query($n:Int){ search(first:$n){ edges{ cursor } } }', { n: 50 })).toBe(1 + 50 * 2);
    expect(cost('{ search{ edges{ cursor } } }')).toBe(1 + 20 * 2);
  });

  it('assumes DEFAULT_LIST_SIZE for lists without a page size, nested lists multiply', () => {
    expect(cost('query($id:ID!){ item(id:$id){ replies{ id } } }')).toBe(1 + DEFAULT_LIST_SIZE * 2);
    expect(cost('query($id:ID!){ item(id:$id){ replies{ replies{ id } } } }')).toBe(
      1 + DEFAULT_LIST_SIZE * (1 + DEFAULT_LIST_SIZE * 2),
    );
  });

  it('follows fragments and ignores introspection', () => {
    expect(cost('fragment F on User { id email } { me{ ...F } }')).toBe(3);
    expect(cost('{ __schema{ types{ name } } me{ id } }')).toBe(2);
  });

  it('lets a full 100-item page with threads through and refuses nested reply trees', () => {
    const page = `{ search(first:100){ edges{ highlight node{ ${NODE} inReplyTo{ ${NODE} } replies{ id text } } } } }`;
    expect(cost(page)).toBeLessThanOrEqual(MAX_QUERY_COMPLEXITY);
    const tree = `{ search(first:100){ edges{ node{ replies{ replies{ replies{ id text } } } } } } }`;
    expect(cost(tree)).toBeGreaterThan(MAX_QUERY_COMPLEXITY);
  });
});
