/**
 * An HTTP proxy on 127.0.0.1 that records every request a browser sends it and forwards none:
 * plain requests get a 502, CONNECT tunnels (HTTPS, WebSocket over TLS) are refused. Pointing a
 * browser at it sees every request to any host but the loopback one, from any of its processes
 * (tabs, content scripts, an extension's background), which the DevTools protocols do not all
 * report (Firefox's WebDriver BiDi shows neither a content script's requests nor an add-on's).
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProxiedRequest {
  /** The absolute URL of a plain request, or `https://host:port/` for a CONNECT tunnel. */
  url: string;
  method: string;
  /** Milliseconds since the epoch. */
  at: number;
}

export interface RecordingProxy {
  port: number;
  /** Every request so far, in the order they arrived (the array grows as requests come). */
  requests: ProxiedRequest[];
  close(): Promise<void>;
}

const urlOf = (req: IncomingMessage) => (req.method === 'CONNECT' ? `https://${req.url ?? ''}/` : (req.url ?? ''));

/** Starts the proxy on a free port. */
export async function startRecordingProxy(): Promise<RecordingProxy> {
  const requests: ProxiedRequest[] = [];
  const record = (req: IncomingMessage) => requests.push({ url: urlOf(req), method: req.method ?? '', at: Date.now() });
  const server = createServer((req, res) => {
    record(req);
    res.writeHead(502, { 'content-type': 'text/plain', connection: 'close' }).end('offline');
  });
  server.on('connect', (req, socket) => {
    record(req);
    socket.on('error', () => undefined);
    socket.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  const close = () =>
    new Promise<void>((ok) => {
      server.close(() => ok());
      server.closeAllConnections();
    });
  return { port, requests, close };
}
