/**
 * A ZIP written to disk as entries arrive (yazl), never holding the whole archive: PDFs are stored
 * without recompression (their streams are already deflated), and add() waits while more than
 * `maxPendingBytes` (8 MB by default) are queued ahead of the disk. It writes to `<file>.part` and renames on finish,
 * so a ZIP at `file` is always complete; starting again over a `.part` truncates it.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import yazl from 'yazl';

/** yazl internals: each entry keeps a closure over its whole buffer until the ZIP is gone. */
type YazlEntry = { state: number; doFileDataPump: (() => void) | null };
const FILE_DATA_DONE = 3; // yazl's Entry.FILE_DATA_DONE

export class ZipWriter {
  private readonly zip = new yazl.ZipFile();
  private readonly out;
  private added = 0;
  private readonly names = new Set<string>();
  private readonly mtime = new Date();
  private released = 0;

  private constructor(
    readonly file: string,
    private readonly part: string,
    private readonly maxPendingBytes: number,
  ) {
    this.out = createWriteStream(part);
    this.zip.outputStream.pipe(this.out);
  }

  static async open(file: string, opts: { maxPendingBytes?: number } = {}): Promise<ZipWriter> {
    await mkdir(path.dirname(file), { recursive: true });
    await rm(file, { force: true });
    return new ZipWriter(file, `${file}.part`, opts.maxPendingBytes ?? 8 * 2 ** 20);
  }

  /** Adds one file; a name already used gets ' (2)', ' (3)'… before its extension. */
  async add(name: string, bytes: Uint8Array): Promise<string> {
    let unique = name;
    for (let n = 2; this.names.has(unique); n++) unique = name.replace(/(\.[^.]*)?$/, ` (${n})$1`);
    this.names.add(unique);
    this.zip.addBuffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), unique, { compress: false, mtime: this.mtime });
    this.added += bytes.byteLength;
    while (this.added - this.out.bytesWritten > this.maxPendingBytes) await new Promise((r) => setTimeout(r, 10));
    this.releaseWritten();
    return unique;
  }

  /**
   * yazl keeps every entry (for the central directory) and each entry's data-pump closure, which
   * holds the whole PDF: without this, a 10,000-invoice ZIP stayed in memory (≈ 285 MB). Entries
   * whose data is written drop the closure; their metadata stays.
   */
  private releaseWritten() {
    const entries = (this.zip as unknown as { entries: YazlEntry[] }).entries;
    while (this.released < entries.length && entries[this.released].state === FILE_DATA_DONE) {
      entries[this.released].doFileDataPump = null;
      this.released++;
    }
  }

  get entries() {
    return this.names.size;
  }

  /** Writes the central directory, closes the file and moves it into place; returns its size. */
  async finish(): Promise<number> {
    this.zip.end();
    await finished(this.out);
    await rename(this.part, this.file);
    return (await stat(this.file)).size;
  }

  /** Stops and deletes the partial file (after a failure). */
  async abort(): Promise<void> {
    this.out.destroy();
    await rm(this.part, { force: true });
  }
}
