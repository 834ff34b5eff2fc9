import type { EventRecord } from '../../events/event-types.ts';
import type { EventSearchField, EventSearchFilter } from './compile-event-search.ts';
import { matchesValuePattern } from './value-pattern.ts';
import type { ValuePattern } from './value-pattern.ts';

/**
 * Evaluates an event search in memory. Storage adapters push what they can into their queries and
 * use this for the rest, so both give events exactly this meaning.
 */
export function matchesEventSearch(event: EventRecord, filters: EventSearchFilter[]): boolean {
  return filters.every((filter) => matchesFilter(event, filter) !== filter.negated);
}

function matchesFilter(event: EventRecord, filter: EventSearchFilter): boolean {
  switch (filter.kind) {
    case 'field':
      return matchesValue(filter.patterns, eventFieldValue(event, filter.field));
    case 'tag':
      return matchesValue(filter.patterns, event.tags[filter.key] ?? null);
    case 'text': {
      const fields = [event.title, event.message, stringOrNull(event.metadata.value) ?? ''];
      if (filter.target === 'any') fields.push(event.culprit);
      return fields.some((field) => filter.patterns.some((p) => matchesValuePattern(p, field)));
    }
  }
}

function matchesValue(patterns: ValuePattern[] | null, value: string | null): boolean {
  if (value === null) return false;
  return patterns === null || patterns.some((p) => matchesValuePattern(p, value));
}

export function eventFieldValue(event: EventRecord, field: EventSearchField): string | null {
  switch (field) {
    case 'level':
      return event.level;
    case 'environment':
      return event.environment;
    case 'release':
      return event.release;
    case 'user':
      return event.userKey;
    case 'errorType':
      return stringOrNull(event.metadata.type);
    case 'errorValue':
      return stringOrNull(event.metadata.value);
    case 'platform':
      return event.platform;
    case 'title':
      return event.title;
  }
}

const stringOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);
