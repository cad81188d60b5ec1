import { AccountKind, ItemKind, ItemStatus, Platform, Role } from '@bewaard/schema';
import { registerEnumType } from 'type-graphql';

/** GraphQL names are the upper-case keys; resolvers see the stored lower-case values. */
registerEnumType(Platform, { name: 'Platform' });
registerEnumType(ItemKind, { name: 'ItemKind' });
registerEnumType(ItemStatus, { name: 'ItemStatus' });
registerEnumType(AccountKind, { name: 'AccountKind' });
registerEnumType(Role, { name: 'Role' });

export const SearchSort = { RELEVANCE: 'relevance', NEWEST: 'newest', OLDEST: 'oldest' } as const;
export type SearchSort = (typeof SearchSort)[keyof typeof SearchSort];
registerEnumType(SearchSort, { name: 'SearchSort' });

export const AuthorKind = { OWN: 'own', OTHER: 'other' } as const;
export type AuthorKind = (typeof AuthorKind)[keyof typeof AuthorKind];
registerEnumType(AuthorKind, { name: 'AuthorKind', description: 'OWN: one of our accounts; OTHER: anyone else, e.g. citizens' });

export { AccountKind, ItemKind, ItemStatus, Platform, Role };
