import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/** What a fake platform received, for tests to assert on. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  raw: string;
  /** Parsed JSON or form body (null when absent or unparseable). */
  body: Record<string, unknown> | null;
}

export type Reply = { status: number; json: unknown };
export type Route = (request: RecordedRequest) => Reply | Promise<Reply>;

function parse(request: IncomingMessage, raw: string): Record<string, unknown> | null {
  if (!raw) return null;
  const type = request.headers['content-type'] ?? '';
  try {
    if (type.startsWith('application/json')) return JSON.parse(raw) as Record<string, unknown>;
    if (type.startsWith('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(raw));
  } catch {
    return null;
  }
  return null;
}

/** A real HTTP server on a free loopback port that records every request and answers JSON. */
export async function startHttpFake(
  route: Route,
): Promise<{ url: string; requests: RecordedRequest[]; close(): Promise<void> }> {
  const requests: RecordedRequest[] = [];
  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const url = new URL(request.url ?? '/', 'http://fake');
      const recorded: RecordedRequest = {
        method: request.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: request.headers,
        raw,
        body: parse(request, raw),
      };
      requests.push(recorded);
      let reply: Reply;
      try {
        reply = await route(recorded);
      } catch (error) {
        reply = { status: 500, json: { message: String(error) } };
      }
      response.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify(reply.json));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address !== 'object') throw new Error('fake server has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
