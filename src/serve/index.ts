/** The workbench's HTTP API: the hono app over a store, and the server that runs it. */
export { createApp, API_VERSION, DEFAULT_MAX_UPLOAD_BYTES, type AppOptions } from './app.js';
export { serve, type RunningServer, type ServeOptions } from './server.js';
export { loadDemo, DEMO_DIRS } from './demo.js';
export { closePdfRenderer, sharedPdfRenderer, DOWNLOAD_FORMATS, type DownloadFormat } from './download.js';
export { ApiError } from './errors.js';
export { sniffUpload, contentDisposition, type UploadKind } from './sniff.js';
