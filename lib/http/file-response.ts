import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';

/**
 * A finished ZIP on disk streamed as a private download (never held in memory). Route handlers
 * only: they authorize and find the file (path, size, name) before calling it.
 */
export function zipFileResponse(file: { path: string; bytes: number; fileName: string }): Response {
  const body = Readable.toWeb(createReadStream(file.path)) as ReadableStream<Uint8Array>;
  return new Response(body, {
    headers: {
      'Content-Type': 'application/zip',
      'Content-Disposition': `attachment; filename="${file.fileName}"`,
      'Content-Length': String(file.bytes),
      'Cache-Control': 'private, no-store',
    },
  });
}
