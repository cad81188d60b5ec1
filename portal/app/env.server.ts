import { randomBytes } from 'node:crypto';

/** The portal's configuration, parsed once from the environment; nothing else reads process.env. */
export interface PortalEnv {
  apiUrl: string;
  sessionSecrets: string[];
  production: boolean;
  /** True when SESSION_SECRET was unset and a per-process secret was generated (sessions end on restart). */
  generatedSecret: boolean;
}

export function parseEnv(source: Readonly<Record<string, string | undefined>>): PortalEnv {
  const apiUrl = source.API_URL?.trim() || 'http://127.0.0.1:4000/graphql';
  let parsedUrl: URL;
  try {
    parsedUrl = new URL(apiUrl);
  } catch {
    throw new Error(`Invalid configuration: API_URL is not a URL: ${apiUrl}`);
  }
  if (parsedUrl.protocol !== 'http:' && parsedUrl.protocol !== 'https:') {
    throw new Error(`Invalid configuration: API_URL must be http(s): ${apiUrl}`);
  }
  const production = source.NODE_ENV === 'production';
  // Comma-separated so secrets can be rotated: the first signs, all verify.
  const secrets = (source.SESSION_SECRET ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  const generatedSecret = secrets.length === 0;
  if (generatedSecret) secrets.push(randomBytes(32).toString('hex'));
  return { apiUrl, sessionSecrets: secrets, production, generatedSecret };
}

let cached: PortalEnv | undefined;

export function env(): PortalEnv {
  if (!cached) {
    cached = parseEnv(process.env);
    if (cached.generatedSecret && cached.production) {
      console.warn(
        'SESSION_SECRET is not set: using a per-process secret; sessions end when the portal restarts.',
      );
    }
  }
  return cached;
}
