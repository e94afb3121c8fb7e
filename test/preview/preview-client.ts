/** HTTP helpers for the preview tests: raw requests (paths sent as written) and an SSE reader. */
import http from 'node:http';
import { POLL_TIMEOUT_MS } from '../support/timeouts.js';

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** GET `rawPath` exactly as given: no URL normalisation folds `..` away before the server sees it. */
export function get(base: string, rawPath: string, headers: http.OutgoingHttpHeaders = {}): Promise<Answer> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname, port, path: rawPath, method: 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

export interface ServerEvent {
  event: string;
  data: string;
}

/** Reads a Server-Sent Events stream; `next(name)` waits for the next event of that name. */
export class EventReader {
  private readonly events: ServerEvent[] = [];
  private readonly waiters: (() => void)[] = [];
  private req: http.ClientRequest | undefined;

  static open(base: string, path: string): Promise<EventReader> {
    const reader = new EventReader();
    return new Promise((resolve, reject) => {
      reader.req = http.get(new URL(path, base), (res) => {
        if (res.statusCode !== 200) reject(new Error(`event stream answered ${res.statusCode}`));
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            reader.push(buffer.slice(0, end));
            buffer = buffer.slice(end + 2);
          }
        });
        resolve(reader);
      });
      reader.req.on('error', reject);
    });
  }

  private push(block: string): void {
    const fields = Object.fromEntries(block.split('\n').map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()]));
    if (fields.event === undefined) return;
    this.events.push({ event: fields.event, data: fields.data ?? '' });
    this.waiters.splice(0).forEach((wake) => wake());
  }

  /** Resolves with the next unread event named `name` (skipping others), or rejects after `timeoutMs`. */
  async next(name: string, timeoutMs = POLL_TIMEOUT_MS): Promise<ServerEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.events.findIndex((e) => e.event === name);
      if (index >= 0) return this.events.splice(0, index + 1).at(-1)!;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no "${name}" event within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  close(): void {
    this.req?.destroy();
  }
}
