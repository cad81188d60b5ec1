import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The real sample exports in `shared/fixtures/real`, which sits beside the repository (on
 * developers' machines and in CI alike); `BEWAARD_FIXTURES` overrides the location.
 */
export const FIXTURES =
  process.env.BEWAARD_FIXTURES ?? fileURLToPath(new URL('../../../../shared/fixtures/real', import.meta.url));

export const fixture = (...parts: string[]): string => path.join(FIXTURES, ...parts);
