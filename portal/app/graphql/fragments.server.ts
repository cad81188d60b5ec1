/** Selection sets shared by several operations; they must match the shapes in types.ts. */

export const ITEM_SUMMARY_FIELDS = `
  id platform kind status url createdAt deletedAt text versionCount
  organisation { id slug name }
  account { id platform handle displayName kind }
  author { id handle displayName account { id } }
`;
