import { gunzipSync } from 'node:zlib';
import { STALE_CHUNK_MS } from '@fixloop/core';
import type { ChunkWrite } from '@fixloop/core';
import { isSha1Hex, sha1Hex } from '@fixloop/sourcemaps';
import { z } from 'zod';
import { defineRoute } from '../api-route.ts';
import type { AnyRouteSpec, ApiServices } from '../api-route.ts';
import { releaseWriteAccess } from '../releases/release-access.ts';
import { multipartBoundary, parseMultipart } from './multipart-form.ts';
import type { MultipartPart } from './multipart-form.ts';
import { MULTIPART_SLACK } from './upload-limits.ts';
import type { UploadLimits } from './upload-limits.ts';

const params = z.object({ org: z.string().min(1) });

/** sentry-cli 2.x picks artifact bundles (v2: assemble first, upload only missing chunks) from this. */
const ACCEPT = ['release_files', 'sources', 'artifact_bundles', 'artifact_bundles_v2'];

type ChunkResult = { ok: true; chunks: ChunkWrite[] } | { ok: false; error: string };

/** `GET/POST /api/0/organizations/{org}/chunk-upload/`: the options sentry-cli reads, and the sha1 chunk store. */
export function chunkUploadRoutes(services: ApiServices, limits: UploadLimits): AnyRouteSpec[] {
  return [
    defineRoute({
      method: 'GET',
      path: '/api/0/organizations/:org/chunk-upload/',
      summary: 'Chunk upload options for sentry-cli',
      tags: ['sourcemaps'],
      scope: 'project:releases',
      params,
      handler: async ({ params, principal }) => {
        const { organization } = await releaseWriteAccess(services, principal, params.org);
        return {
          // Absolute: sentry-cli 2.30+ and 3.x resolve it as given.
          url: `${services.baseUrl()}/api/0/organizations/${organization.slug}/chunk-upload/`,
          chunkSize: limits.chunkSize,
          chunksPerRequest: limits.chunksPerRequest,
          maxFileSize: limits.maxFileSize,
          maxRequestSize: limits.maxRequestSize,
          concurrency: limits.concurrency,
          hashAlgorithm: 'sha1',
          compression: ['gzip'],
          accept: ACCEPT,
        };
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/0/organizations/:org/chunk-upload/',
      summary: 'Upload chunks (multipart `file` / `file_gzip` parts named by their sha1)',
      tags: ['sourcemaps'],
      scope: 'project:releases',
      params,
      bodyLimit: limits.maxRequestSize + MULTIPART_SLACK,
      handler: async ({ params, principal, request, reply }) => {
        const { organization } = await releaseWriteAccess(services, principal, params.org);
        const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const result = readChunks(body, request.headers, limits);
        if (!result.ok) {
          reply.code(400);
          return { error: result.error };
        }
        const now = services.clock.now();
        // Chunks are dropped once assembled; these are left over from uploads that never finished.
        await services.storage.artifacts.deleteChunksBefore(
          organization.id,
          new Date(now.getTime() - STALE_CHUNK_MS),
        );
        await services.storage.artifacts.putChunks(organization.id, result.chunks, now);
        // Sentry answers an empty 200, not a 204.
        await reply.code(200).send('');
        return undefined;
      },
    }),
  ];
}

/** Decodes, limits and verifies the chunks of one upload request. */
export function readChunks(
  raw: Buffer,
  headers: Record<string, string | string[] | undefined>,
  limits: UploadLimits,
): ChunkResult {
  const boundary = multipartBoundary(headerValue(headers['content-type']));
  if (boundary === null) return { ok: false, error: 'Expected a multipart/form-data body' };
  const encoding = headerValue(headers['content-encoding'])?.toLowerCase();
  let body = raw;
  if (encoding === 'gzip') {
    const decoded = gunzip(raw, limits.maxRequestSize + MULTIPART_SLACK);
    if (decoded === null) return { ok: false, error: 'Request too large or not valid gzip' };
    body = decoded;
  }
  const form = parseMultipart(body, boundary);
  if (!form.ok) return form;
  const parts = form.parts.filter((p) => p.name === 'file' || p.name === 'file_gzip');
  if (parts.length > limits.chunksPerRequest) return { ok: false, error: 'Too many chunks' };
  const chunks: ChunkWrite[] = [];
  for (const part of parts) {
    const chunk = readChunk(part, limits.chunkSize);
    if (!chunk.ok) return chunk;
    chunks.push(chunk.chunk);
  }
  return { ok: true, chunks };
}

function readChunk(
  part: MultipartPart,
  chunkSize: number,
): { ok: true; chunk: ChunkWrite } | { ok: false; error: string } {
  const checksum = (part.filename ?? '').toLowerCase();
  if (!isSha1Hex(checksum)) return { ok: false, error: 'Chunk file name must be its sha1 checksum' };
  const data = part.name === 'file_gzip' ? gunzip(part.data, chunkSize) : part.data;
  if (data === null || data.byteLength > chunkSize) return { ok: false, error: 'Chunk size too large' };
  if (sha1Hex(data) !== checksum) return { ok: false, error: `Checksum mismatch for chunk ${checksum}` };
  return { ok: true, chunk: { checksum, data } };
}

/** Null when the data is not gzip or inflates beyond `max` (a zip bomb stops there). */
function gunzip(data: Buffer, max: number): Buffer | null {
  try {
    return gunzipSync(data, { maxOutputLength: max });
  } catch {
    return null;
  }
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
