// A static file server on 127.0.0.1 for the sample articles and test pages.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export interface Served {
  url: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  blockScripts?: boolean;
  port?: number;
  /** Sees the path and query of every request, before it is answered (the page-safety run's log). */
  onRequest?: (path: string) => void;
}

/**
 * Serves `root`. With `blockScripts`, pages come with `Content-Security-Policy: script-src 'none'`
 * so the DOM stays static and every mutation seen is the extension's.
 */
export async function serveStatic(
  root: string,
  { blockScripts = false, port = 0, onRequest }: ServeOptions = {},
): Promise<Served> {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    onRequest?.(req.url ?? '/');
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(base, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(base)) return void res.writeHead(403).end();
    try {
      const body = await readFile(file);
      const headers: Record<string, string> = {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      };
      if (blockScripts) headers['content-security-policy'] = "script-src 'none'";
      res.writeHead(200, headers).end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((ok) => server.listen(port, '127.0.0.1', ok));
  const { port: bound } = server.address() as AddressInfo;
  // Browsers keep idle connections open: drop them, or close() waits for them to time out.
  const close = () =>
    new Promise<void>((ok) => {
      server.close(() => ok());
      server.closeAllConnections();
    });
  return { url: `http://127.0.0.1:${bound}/`, close };
}
