/**
 * pdfjs inflates every Flate stream through the web DecompressionStream. In Node that is a zlib
 * stream on the thread pool behind web-stream plumbing: for the hundreds of small streams of a
 * published PDF (content, fonts, ToUnicode maps) the set-up and hand-offs cost several times the
 * inflating itself (about a fifth of the reading time). While a PDF is being read, the global is
 * replaced by a class with the same surface pdfjs uses (getWriter → write/close, async iteration
 * of `readable`) that inflates synchronously with node:zlib; formats other than deflate and
 * brotli get the real class. The global is restored when the last read in progress ends.
 */
import { brotliDecompressSync, constants, inflateSync } from 'node:zlib';

type Ctor = new (format: string) => object;

class SyncDecompressionStream {
  readonly writable: { getWriter(): { ready: Promise<void>; write(chunk: Uint8Array): Promise<void>; close(): Promise<void>; releaseLock(): void } };
  readonly readable: AsyncIterable<Uint8Array>;

  constructor(format: string) {
    const chunks: Uint8Array[] = [];
    let closed!: () => void;
    const done = new Promise<void>((resolve) => (closed = resolve));
    this.writable = {
      getWriter: () => ({
        ready: Promise.resolve(),
        write: async (chunk: Uint8Array) => void chunks.push(chunk),
        close: async () => closed(),
        releaseLock: () => undefined,
      }),
    };
    this.readable = {
      async *[Symbol.asyncIterator]() {
        await done;
        const input = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
        // Like the web stream, a truncated stream yields what could be inflated before the error.
        const out = format === 'brotli' ? brotliDecompressSync(input) : inflateSync(input, { finishFlush: constants.Z_SYNC_FLUSH });
        yield new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
      },
    };
  }
}

let active = 0;
let native: Ctor | undefined;

export async function withSyncInflate<T>(read: () => Promise<T>): Promise<T> {
  const g = globalThis as { DecompressionStream?: Ctor };
  if (active++ === 0) {
    native = g.DecompressionStream;
    const Native = native;
    g.DecompressionStream = function DecompressionStream(format: string) {
      return format === 'deflate' || format === 'brotli' || !Native ? new SyncDecompressionStream(format) : new Native(format);
    } as unknown as Ctor;
  }
  try {
    return await read();
  } finally {
    if (--active === 0) g.DecompressionStream = native;
  }
}
