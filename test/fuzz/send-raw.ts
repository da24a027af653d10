import { request } from 'node:http';
import type { FuzzRequest } from './request-arbitrary.js';

export interface RawAnswer {
  readonly status: number;
  readonly contentType: string;
  readonly text: string;
}

/**
 * Sends `fuzz` as it is: node:http keeps the target's bytes (a bare `%`, a body on a GET) where fetch would
 * normalize or refuse them.
 */
export function sendRaw(baseUrl: string, fuzz: FuzzRequest): Promise<RawAnswer> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      { host: hostname, port: Number(port), method: fuzz.method, path: fuzz.target, headers: fuzz.headers },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            contentType: String(response.headers['content-type'] ?? ''),
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(fuzz.body);
  });
}
