import archiver from 'archiver';
import type { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * A zip archive written to `out` one entry at a time: each `add` resolves once its
 * source has been read to the end and compressed, so only one source is open at once
 * and memory stays flat whatever the sizes (archiver switches to ZIP64 past 4 GB).
 * `out` is not ended: the caller ends it (after its audit row).
 */
export class ZipWriter {
  private readonly archive = archiver('zip', { zlib: { level: 6 } });
  private readonly piped: Promise<void>;
  private failure: Error | undefined;

  constructor(out: Writable) {
    this.archive.on('error', (e: Error) => (this.failure ??= e));
    this.piped = pipeline(this.archive, out, { end: false });
    // Seen through `finish` (or the failed entry); never an unhandled rejection.
    this.piped.catch((e: Error) => (this.failure ??= e));
  }

  add(name: string, source: Readable | string): Promise<void> {
    return new Promise((resolve, reject) => {
      const done = () => (this.failure ? reject(this.failure) : resolve());
      if (typeof source !== 'string') source.once('error', (e) => (this.failure ??= e));
      this.archive.append(source, { name, date: new Date(), callback: done });
      // A broken output ends archiver's queue without calling back.
      this.piped.catch(() => reject(this.failure));
    });
  }

  /** Writes the central directory; resolves once everything has reached `out`. */
  async finish(): Promise<void> {
    await this.archive.finalize();
    await this.piped;
    if (this.failure) throw this.failure;
  }

  /** Stops after a failure: what was written stays a cut-off archive. */
  abort(): void {
    this.archive.abort();
  }
}
