/** What the chunk-upload endpoint advertises to sentry-cli and enforces. */
export interface UploadLimits {
  /** Largest chunk; a power of two (sentry-cli <= 2.39.1 requires it). */
  chunkSize: number;
  chunksPerRequest: number;
  /** Largest multipart request, also the Fastify body limit of the upload routes. */
  maxRequestSize: number;
  /** Largest assembled file (artifact bundle zip). */
  maxFileSize: number;
  concurrency: number;
}

export const DEFAULT_UPLOAD_LIMITS: UploadLimits = {
  chunkSize: 8 * 1024 * 1024,
  chunksPerRequest: 64,
  maxRequestSize: 32 * 1024 * 1024,
  maxFileSize: 256 * 1024 * 1024,
  concurrency: 4,
};

/** Multipart framing on top of the chunks themselves. */
export const MULTIPART_SLACK = 1024 * 1024;
