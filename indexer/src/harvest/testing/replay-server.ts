import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReplayResponse {
  status?: number;
  headers?: Record<string, string>;
  body: string;
}

export interface RecordedRequest {
  url: URL;
  headers: IncomingHttpHeaders;
}

/**
 * A local HTTP server (127.0.0.1, random port) that answers from a handler, so harvest tests
 * replay recorded API responses without touching the internet. Every request is recorded.
 */
export class ReplayServer {
  readonly requests: RecordedRequest[] = [];
  private server: Server | null = null;
  baseUrl = '';

  constructor(private readonly handler: (url: URL, server: ReplayServer) => ReplayResponse) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', this.baseUrl);
      this.requests.push({ url, headers: req.headers });
      let reply: ReplayResponse;
      try {
        reply = this.handler(url, this);
      } catch (err) {
        reply = { status: 500, body: (err as Error).message };
      }
      res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
      res.end(reply.body);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  paths(): string[] {
    return this.requests.map((r) => `${r.url.pathname}${r.url.search}`);
  }
}
