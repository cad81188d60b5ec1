import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ArgumentValidationError } from 'type-graphql';
import { AppError, ErrorCode } from './app-error.js';

type Logger = { error: (obj: object, msg: string) => void };

/** An AppError thrown in a resolver, or wrapped by a plugin (e.g. the complexity limit) before execution. */
function appErrorOf(error: unknown): AppError | null {
  const original = unwrapResolverError(error);
  if (original instanceof AppError) return original;
  if (original instanceof GraphQLError && original.originalError instanceof AppError) return original.originalError;
  return null;
}

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
    case ErrorCode.QUERY_TOO_COMPLEX:
      return 400;
    case ErrorCode.SEARCH_UNAVAILABLE:
      return 503;
    default:
      return assertUnreachable(code);
  }
}

/**
 * The one mapping from thrown errors to what clients see: AppErrors keep their code and message;
 * GraphQL's own validation errors pass through; anything else becomes INTERNAL_SERVER_ERROR with
 * no message detail or stack, and is logged (with the request's id: `logger` gives the request's logger).
 */
export function makeFormatError(logger: () => Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const appError = appErrorOf(error);
    if (appError) {
      return {
        message: appError.message,
        path: formatted.path,
        extensions: { code: appError.code, http: { status: httpStatusOf(appError.code) } },
      };
    }
    const original = unwrapResolverError(error);
    if (original instanceof ArgumentValidationError) {
      return { message: 'Invalid input', path: formatted.path, extensions: { code: ErrorCode.BAD_USER_INPUT } };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') {
      const { stacktrace: _s, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    logger().error({ err: original }, 'unhandled error in resolver');
    return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
