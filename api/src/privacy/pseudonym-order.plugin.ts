import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from '../context.js';
import { numberInOrderOfAppearance } from './text-masking.js';

/** Gives citizens their final numbers ("Burger 1", …) once the whole response is known. */
export function pseudonymOrderPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    requestDidStart: () =>
      Promise.resolve({
        willSendResponse({ response, contextValue }) {
          if (
            response.body.kind === 'single' &&
            contextValue.pseudonyms?.used &&
            response.body.singleResult.data
          ) {
            response.body.singleResult.data = numberInOrderOfAppearance(response.body.singleResult.data);
          }
          return Promise.resolve();
        },
      }),
  };
}
