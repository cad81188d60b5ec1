/**
 * Remix's control flow: a Response (redirect) or `data(…, { status })` thrown from a loader or
 * action ends it, and Remix turns it into the redirect or the error boundary. Lint rightly forbids
 * throwing non-Errors elsewhere, so the one sanctioned throw lives here.
 */
export function throwResponse(response: object): never {
  // eslint-disable-next-line @typescript-eslint/only-throw-error -- Remix consumes thrown responses
  throw response;
}

/** A text field of a submitted form; files and missing fields read as ''. */
export function formString(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}
