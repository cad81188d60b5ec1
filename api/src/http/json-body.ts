import type { IncomingMessage } from 'node:http';

/** A request the endpoint refuses before GraphQL sees it. */
export class HttpInputError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The parsed body of a JSON request; undefined for other content types (Apollo then answers
 * what is missing). Bodies over `limit` bytes are refused with 413 without reading them to the end.
 */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(type)) {
    req.resume();
    return undefined;
  }
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > limit) {
    req.resume();
    throw new HttpInputError(413, `request body larger than ${limit} bytes`);
  }
  // Listeners rather than `for await`: the async iterator costs more than the small body it reads.
  const { chunks, size } = await new Promise<{ chunks: Buffer[]; size: number }>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        req.resume();
        reject(new HttpInputError(413, `request body larger than ${limit} bytes`));
      } else chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve({ chunks, size }));
    req.once('error', reject);
  });
  if (size === 0) return undefined;
  try {
    return JSON.parse(Buffer.concat(chunks, size).toString('utf8')) as unknown;
  } catch {
    throw new HttpInputError(400, 'request body is not valid JSON');
  }
}
