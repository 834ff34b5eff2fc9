/**
 * Sentry data category per envelope item type (spec §2; JS `ITEM_TYPE_TO_DATA_CATEGORY_MAP` plus the Relay-only types).
 * Categories are what `X-Sentry-Rate-Limits` and client reports talk about.
 */
const CATEGORY_BY_ITEM_TYPE: Readonly<Record<string, string>> = {
  event: 'error',
  transaction: 'transaction',
  session: 'session',
  sessions: 'session',
  attachment: 'attachment',
  client_report: 'internal',
  user_report: 'default',
  feedback: 'feedback',
  profile: 'profile',
  profile_chunk: 'profile',
  replay_event: 'replay',
  replay_recording: 'replay',
  replay_video: 'replay',
  check_in: 'monitor',
  span: 'span',
  otel_span: 'span',
  log: 'log_item',
  otel_log: 'log_item',
  security: 'security',
  raw_security: 'security',
  statsd: 'metric_bucket',
  metric_buckets: 'metric_bucket',
  metric_meta: 'metric_bucket',
};

export function dataCategoryOf(itemType: string): string {
  return Object.hasOwn(CATEGORY_BY_ITEM_TYPE, itemType) ? CATEGORY_BY_ITEM_TYPE[itemType]! : 'default';
}
