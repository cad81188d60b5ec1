/** Every error a client can see, as a stable code. Mapped to GraphQL once, in format-error.ts. */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  SEARCH_UNAVAILABLE = 'SEARCH_UNAVAILABLE',
}

export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const unauthenticated = (message = 'Not logged in, or the session expired') =>
  new AppError(ErrorCode.UNAUTHENTICATED, message);
export const forbidden = (message = 'Not allowed') => new AppError(ErrorCode.FORBIDDEN, message);
export const notFound = (what: string) => new AppError(ErrorCode.NOT_FOUND, `${what} not found`);
export const badInput = (message: string) => new AppError(ErrorCode.BAD_USER_INPUT, message);
