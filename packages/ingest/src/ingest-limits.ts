import { AppError } from '@fixloop/core';
import type { Envelope } from './envelope-parser.ts';

const KiB = 1024;
const MiB = 1024 * KiB;

/** Relay defaults (`relay-config` Limits, spec §2). Sizes in bytes. */
export const INGEST_LIMITS = {
  /** Raw request body of /envelope/ (before decompression). */
  requestCompressed: 20 * MiB,
  /** Raw request body of /store/. */
  storeRequestCompressed: 200 * KiB,
  envelopeDecompressed: 200 * MiB,
  storeDecompressed: 1 * MiB,
  /** Sum of event-like items (event, transaction, security, replay_event, ...) in one envelope. */
  event: 1 * MiB,
  feedback: 1 * MiB,
  attachment: 100 * MiB,
  attachmentsTotal: 100 * MiB,
  clientReport: 4 * KiB,
  securityReport: 64 * KiB,
  checkIn: 100 * KiB,
  profile: 50 * MiB,
  replayCompressed: 10 * MiB,
  span: 1 * MiB,
  log: 1 * MiB,
  metricBuckets: 1 * MiB,
  sessionItems: 100,
} as const satisfies { readonly [k: string]: number };

const EVENT_LIKE = new Set([
  'event',
  'transaction',
  'security',
  'raw_security',
  'replay_event',
  'nel',
  'form_data',
]);

/** Per-item caps; `undefined` means "only counted in a per-envelope total" (or unlimited). */
const ITEM_LIMIT: Readonly<Record<string, number>> = {
  attachment: INGEST_LIMITS.attachment,
  unreal_report: INGEST_LIMITS.attachment,
  feedback: INGEST_LIMITS.feedback,
  replay_recording: INGEST_LIMITS.replayCompressed,
  replay_video: INGEST_LIMITS.replayCompressed,
  profile: INGEST_LIMITS.profile,
  profile_chunk: INGEST_LIMITS.profile,
  check_in: INGEST_LIMITS.checkIn,
  span: INGEST_LIMITS.span,
  otel_span: INGEST_LIMITS.span,
  log: INGEST_LIMITS.log,
  otel_log: INGEST_LIMITS.log,
  statsd: INGEST_LIMITS.metricBuckets,
  metric_buckets: INGEST_LIMITS.metricBuckets,
};

function tooLarge(type: string, size: number, limit: number): AppError {
  return new AppError('payload_too_large', `envelope exceeded size limits for type '${type}'`, {
    type,
    size,
    limit,
  });
}

/** Relay `check_envelope_size_limits`: per-item caps plus per-envelope totals. 413 since relay#5474. */
export function checkEnvelopeLimits(envelope: Envelope): void {
  let eventSize = 0;
  let attachmentsSize = 0;
  let clientReportsSize = 0;
  let sessionCount = 0;
  for (const { headers, payload } of envelope.items) {
    const type = headers.type;
    const size = payload.length;
    const limit = Object.hasOwn(ITEM_LIMIT, type) ? ITEM_LIMIT[type] : undefined;
    if (limit !== undefined && size > limit) throw tooLarge(type, size, limit);
    if (EVENT_LIKE.has(type)) {
      eventSize += size;
      if (eventSize > INGEST_LIMITS.event) throw tooLarge(type, eventSize, INGEST_LIMITS.event);
    } else if (type === 'attachment' || type === 'unreal_report') {
      attachmentsSize += size;
      if (attachmentsSize > INGEST_LIMITS.attachmentsTotal) {
        throw tooLarge(type, attachmentsSize, INGEST_LIMITS.attachmentsTotal);
      }
    } else if (type === 'client_report') {
      clientReportsSize += size;
      if (clientReportsSize > INGEST_LIMITS.clientReport) {
        throw tooLarge(type, clientReportsSize, INGEST_LIMITS.clientReport);
      }
    } else if (type === 'session' || type === 'sessions') {
      sessionCount += 1;
      if (sessionCount > INGEST_LIMITS.sessionItems)
        throw tooLarge(type, sessionCount, INGEST_LIMITS.sessionItems);
    }
  }
}
