/**
 * A minimal client of the web host's event stream, for tests and benchmarks
 * of the host (the renderer uses the browser's EventSource): connects with
 * the bearer token, resolves once the host names the connection, and hands
 * each stream batch to `onFrames`.
 */
import { request } from 'node:http';
import type { StreamFrame } from '../../shared/contract';

export interface SseClient {
  connection: string;
  close(): void;
}

/** `stallAfterHello`: stop reading once the connection is named, as a frozen tab would (the socket fills up). */
export function openSseClient(baseUrl: string, token: string, onFrames: (frames: StreamFrame[]) => void, stallAfterHello = false): Promise<SseClient> {
  return new Promise((resolve, reject) => {
    const req = request(`${baseUrl}/api/events`, { headers: { authorization: `Bearer ${token}` } }, (res) => {
      let buffer = '';
      res.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.+)$/m.exec(block)?.[1];
          const data = /^data: (.+)$/m.exec(block)?.[1];
          if (!data) continue;
          if (event === 'hello') {
            resolve({ connection: (JSON.parse(data) as { connection: string }).connection, close: () => req.destroy() });
            if (stallAfterHello) res.pause();
          } else if (event === 'stream') onFrames(JSON.parse(data) as StreamFrame[]);
        }
      });
    });
    req.on('error', reject);
    req.end();
  });
}
