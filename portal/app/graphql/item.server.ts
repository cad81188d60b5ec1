import { gql, type ApiResult } from './client.server';
import { ITEM_SUMMARY_FIELDS } from './fragments.server';
import type { ItemDetail } from './types';

const ITEM = `
  query Item($id: ID!) {
    item(id: $id) {
      ${ITEM_SUMMARY_FIELDS}
      platformItemId firstSeenAt lastSeenAt
      versions { id versionNo text capturedAt platformEditedAt }
      inReplyTo { ${ITEM_SUMMARY_FIELDS} }
      replies { ${ITEM_SUMMARY_FIELDS} }
    }
  }
`;

export async function item(token: string, id: string): Promise<ApiResult<ItemDetail>> {
  const result = await gql<{ item: ItemDetail | null }>(ITEM, { id }, token);
  if (!result.ok) return result;
  if (!result.data.item) return { ok: false, error: { code: 'NOT_FOUND', message: 'Item not found' } };
  return { ok: true, data: result.data.item };
}
