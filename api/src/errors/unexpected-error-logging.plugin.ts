import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type { RequestContext } from '../context.js';
import { isUnexpectedError } from './format-error.js';

/** Logs the errors that formatError hides from clients, with the request's logger (and so its id). */
export function unexpectedErrorLogging(): ApolloServerPlugin<RequestContext> {
  return {
    requestDidStart: () =>
      Promise.resolve({
        didEncounterErrors({ contextValue, errors }) {
          for (const error of errors) {
            if (isUnexpectedError(error, error.extensions?.code))
              contextValue.log.error({ err: unwrapResolverError(error) }, 'unhandled error in resolver');
          }
          return Promise.resolve();
        },
      }),
  };
}
