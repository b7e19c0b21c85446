/**
 * The backup file in transit between the dashboard and the background, in parts: one message
 * may not carry a file of 50,000 articles. Export asks for the parts until their offsets reach
 * the total; import sends the file in parts under a token, the last one with `done`, which is
 * when the background checks and restores the whole file (a refused file changes nothing).
 * The transport is passed in, so this is tested without a browser.
 */
import type { RequestOf, ResponseOf } from '../messaging/protocol';

/** Characters per part sent (the protocol allows 16 M; half leaves room for the envelope). */
export const BACKUP_PART_CHARS = 8 * 1024 * 1024;

export type ExportSend = (request: RequestOf<'bg:backup-export'>) => Promise<ResponseOf<'bg:backup-export'>>;
export type ImportSend = (request: RequestOf<'bg:backup-import'>) => Promise<ResponseOf<'bg:backup-import'>>;

/**
 * Every part of the export, in order: the first call without a token serializes the file.
 * Throws when a part comes back empty before the end, rather than asking forever.
 */
export async function receiveBackup(send: ExportSend, onProgress?: (done: number, total: number) => void): Promise<string[]> {
  const first = await send({ offset: 0 });
  const parts = [first.part];
  let offset = first.part.length;
  onProgress?.(offset, first.total);
  while (offset < first.total) {
    const { part } = await send({ token: first.token, offset });
    if (!part) throw new Error(`The backup ended at ${offset} of ${first.total} characters`);
    parts.push(part);
    offset += part.length;
    onProgress?.(offset, first.total);
  }
  return parts;
}

/** The file's text cut into parts of at most `size` characters (one empty part for an empty file). */
export function splitParts(text: string, size = BACKUP_PART_CHARS): string[] {
  const parts: string[] = [];
  for (let at = 0; at < text.length; at += size) parts.push(text.slice(at, at + size));
  return parts.length ? parts : [''];
}

/**
 * Sends the file's text in parts; the background restores it when the last arrives. Resolves to
 * what was restored; rejects with the background's message when it refuses the file.
 */
export async function sendBackup(
  text: string,
  mode: 'merge' | 'replace',
  send: ImportSend,
  onProgress?: (sent: number, parts: number) => void,
): Promise<{ entities: number; articles: number }> {
  const parts = splitParts(text);
  let token: string | undefined;
  for (const [i, part] of parts.entries()) {
    const done = i === parts.length - 1;
    const reply = await send({ ...(token ? { token } : {}), part, done, mode });
    token = reply.token;
    onProgress?.(i + 1, parts.length);
    if (done) return reply.restored ?? { entities: 0, articles: 0 };
  }
  throw new Error('unreachable');
}
