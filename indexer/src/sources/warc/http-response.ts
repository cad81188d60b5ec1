/**
 * The HTTP response stored in a WARC `response` record's block: status line, headers, body bytes
 * as stored (transfer and content encodings not yet undone). Parsed here rather than by warcio so
 * that the parse stays inside the record's Content-Length and a malformed block is reported, not
 * read into the next record.
 */
export interface HttpResponse {
  status: number;
  statusText: string;
  /** Lower-cased names; repeated headers joined with ", ". */
  headers: Map<string, string>;
  body: Buffer;
}

/** Header sections beyond this are not HTTP headers but a block that is something else. */
const MAX_HEADER_BYTES = 256 * 1024;
const STATUS_LINE = /^HTTP\/\d(?:\.\d)?[ \t]+(\d{3})(?:[ \t]+(.*))?$/;

/** The parsed response, or a sentence saying why the block is not one. */
export function parseHttpResponse(block: Buffer): HttpResponse | string {
  const { headerEnd, bodyStart } = findHeaderEnd(block);
  if (headerEnd === -1) {
    return block.subarray(0, 5).toString('latin1') === 'HTTP/'
      ? 'the HTTP headers do not end (no empty line): the record is cut off or damaged'
      : 'the record block is not an HTTP response (it does not start with "HTTP/")';
  }
  // Header bytes are ISO-8859-1 by the HTTP spec; latin1 never fails.
  const lines = block.toString('latin1', 0, headerEnd).split(/\r?\n/);
  const statusLine = (lines.shift() ?? '').trim();
  const status = STATUS_LINE.exec(statusLine);
  if (status === null)
    return `the record block is not an HTTP response (status line ${JSON.stringify(statusLine.slice(0, 80))})`;

  const headers = new Map<string, string>();
  let last: string | null = null;
  for (const line of lines) {
    if (/^[ \t]/.test(line) && last !== null) {
      // Obsolete line folding: the line continues the previous header's value.
      headers.set(last, `${headers.get(last) ?? ''} ${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    const earlier = headers.get(name);
    headers.set(name, earlier === undefined ? value : `${earlier}, ${value}`);
    last = name;
  }
  return {
    status: Number(status[1]),
    statusText: (status[2] ?? '').trim(),
    headers,
    body: block.subarray(bodyStart),
  };
}

/** The end of the header section: CRLF CRLF, or bare LF LF from sloppy writers. */
function findHeaderEnd(block: Buffer): { headerEnd: number; bodyStart: number } {
  const window = block.subarray(0, MAX_HEADER_BYTES);
  const crlf = window.indexOf('\r\n\r\n', 0, 'latin1');
  const lf = window.indexOf('\n\n', 0, 'latin1');
  if (crlf !== -1 && (lf === -1 || crlf < lf)) return { headerEnd: crlf, bodyStart: crlf + 4 };
  if (lf !== -1) return { headerEnd: lf, bodyStart: lf + 2 };
  return { headerEnd: -1, bodyStart: -1 };
}
