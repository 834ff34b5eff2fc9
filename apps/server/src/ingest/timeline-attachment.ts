import { parseJsonLenient } from '@fixloop/ingest';
import type { EnvelopeItem } from '@fixloop/ingest';

export const TIMELINE_FORMAT = 'FULL_EVENT_TIMELINE_V1';

export interface AttachedTimeline {
  item: EnvelopeItem;
  document: unknown;
}

/**
 * A FULL_EVENT_TIMELINE_V1 attachment sent beside the event (named like `*timeline*.json`, or any JSON
 * attachment that declares the format): the item and its parsed content, or undefined when there is none.
 * A named-but-unparsable timeline is ignored here; it is still stored as a plain attachment.
 */
export function extractAttachedTimeline(items: EnvelopeItem[]): AttachedTimeline | undefined {
  for (const item of items) {
    if (item.headers.type !== 'attachment') continue;
    const filename = typeof item.headers['filename'] === 'string' ? item.headers['filename'] : '';
    const contentType = typeof item.headers['content_type'] === 'string' ? item.headers['content_type'] : '';
    const named = /timeline[^/]*\.json$/i.test(filename);
    if (!named && !contentType.startsWith('application/json')) continue;
    const parsed = tryParse(item.payload);
    if (parsed === undefined) continue;
    if (named || declaresFormat(parsed)) return { item, document: parsed };
  }
  return undefined;
}

function tryParse(payload: Buffer): unknown {
  try {
    return parseJsonLenient(payload);
  } catch {
    return undefined;
  }
}

function declaresFormat(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const document = value as Record<string, unknown>;
  return document['format'] === TIMELINE_FORMAT || document['version'] === TIMELINE_FORMAT;
}
