import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ArgumentValidationError } from 'type-graphql';
import { AppError, ErrorCode } from './app-error.js';

type Logger = { error: (obj: object, msg: string) => void };

function assertUnreachable(code: never): never {
  throw new Error(`unmapped error code ${String(code)}`);
}

function httpStatusOf(code: ErrorCode): number {
  switch (code) {
    case ErrorCode.UNAUTHENTICATED:
      return 401;
    case ErrorCode.FORBIDDEN:
      return 403;
    case ErrorCode.NOT_FOUND:
      return 404;
    case ErrorCode.BAD_USER_INPUT:
      return 400;
    case ErrorCode.TOO_MANY_REQUESTS:
      return 429;
    case ErrorCode.SEARCH_UNAVAILABLE:
      return 503;
    default:
      return assertUnreachable(code);
  }
}

/**
 * The one mapping from thrown errors to what clients see: AppErrors keep their code and message;
 * GraphQL's own validation errors pass through; anything else becomes INTERNAL_SERVER_ERROR with
 * no message detail or stack, and is logged.
 */
export function makeFormatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof AppError) {
      return {
        message: original.message,
        path: formatted.path,
        extensions: { code: original.code, http: { status: httpStatusOf(original.code) } },
      };
    }
    if (original instanceof ArgumentValidationError) {
      return { message: 'Invalid input', path: formatted.path, extensions: { code: ErrorCode.BAD_USER_INPUT } };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') {
      const { stacktrace: _s, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    logger.error({ err: original }, 'unhandled error in resolver');
    return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
