// pdfjs-dist ships no declarations for its worker module; we use only its message handler, which
// connects the worker side to a port (src/read/pdf/index.ts runs both sides in one thread).
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: { initializeFromPort(port: unknown): void };
}
