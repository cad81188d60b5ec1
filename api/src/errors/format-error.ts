import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ArgumentValidationError } from 'type-graphql';
import { AppError, ErrorCode } from './app-error.js';

/** An AppError thrown in a resolver, or wrapped by a plugin (e.g. the complexity limit) before execution. */
function appErrorOf(error: unknown): AppError | null {
  const original = unwrapResolverError(error);
  if (original instanceof AppError) return original;
  if (original instanceof GraphQLError && original.originalError instanceof AppError)
    return original.originalError;
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
 * Whether an error is one clients may see as it is (an AppError, invalid arguments, GraphQL's own
 * parse/validation errors) — anything else is a bug or an outage: hidden from clients and logged.
 */
export function isUnexpectedError(error: unknown, code: unknown): boolean {
  if (appErrorOf(error)) return false;
  if (unwrapResolverError(error) instanceof ArgumentValidationError) return false;
  return typeof code !== 'string' || code === 'INTERNAL_SERVER_ERROR';
}

/**
 * The one mapping from thrown errors to what clients see: AppErrors keep their code and message;
 * GraphQL's own validation errors pass through; anything else becomes INTERNAL_SERVER_ERROR with
 * no message detail or stack (it is logged with the request's id by `unexpectedErrorLogging`).
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const appError = appErrorOf(error);
  if (appError) {
    return {
      message: appError.message,
      path: formatted.path,
      extensions: { code: appError.code, http: { status: httpStatusOf(appError.code) } },
    };
  }
  if (unwrapResolverError(error) instanceof ArgumentValidationError) {
    return { message: 'Invalid input', path: formatted.path, extensions: { code: ErrorCode.BAD_USER_INPUT } };
  }
  if (!isUnexpectedError(error, formatted.extensions?.code)) {
    const { stacktrace: _s, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  return {
    message: 'Internal server error',
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
