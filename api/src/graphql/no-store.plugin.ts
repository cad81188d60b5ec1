import type { ApolloServerPlugin } from '@apollo/server';

/**
 * `Cache-Control: no-store` on every GraphQL response, which is what Apollo's default
 * cache-control plugin answered here: no type or field has a cache hint, so its policy was always
 * uncacheable. That plugin is switched off (see server.ts) because computing the policy hooks
 * every field resolution of every request.
 */
export function noStorePlugin(): ApolloServerPlugin {
  return {
    requestDidStart: () =>
      Promise.resolve({
        willSendResponse({ response }) {
          if (!response.http.headers.has('cache-control'))
            response.http.headers.set('cache-control', 'no-store');
          return Promise.resolve();
        },
      }),
  };
}
