import type { ErrorClass, Severity } from '../api/types.ts';

/** Query keys the issue filters write (one place, so the filter bar and the search box agree). */
export const FILTER_KEYS = {
  status: 'is',
  severity: 'severity',
  errorClass: 'errorClass',
  environment: 'environment',
  release: 'release',
  level: 'level',
  assigned: 'assigned',
} as const;

export const SEVERITIES: Severity[] = ['blocking', 'annoying', 'warning', 'info'];
export const ERROR_CLASSES: ErrorClass[] = [
  'javascript',
  'network',
  'api',
  'database',
  'auth',
  'validation',
  'runtime',
  'crash',
  'unknown',
];

export interface SearchKey {
  key: string;
  description: string;
  values?: string[];
}

/** What the search box suggests: Sentry's keys plus Fixloop's severity and error class. */
export const SEARCH_KEYS: SearchKey[] = [
  {
    key: 'is',
    description: 'Status',
    values: ['unresolved', 'resolved', 'ignored', 'assigned', 'unassigned', 'new', 'regressed'],
  },
  { key: 'severity', description: 'How much it hurts users', values: SEVERITIES },
  { key: 'errorClass', description: 'Where the problem comes from', values: ERROR_CLASSES },
  { key: 'level', description: 'Event level', values: ['fatal', 'error', 'warning', 'info', 'debug'] },
  { key: 'environment', description: 'Environment, e.g. production' },
  { key: 'release', description: 'Release version' },
  { key: 'assigned', description: 'Assignee', values: ['me', 'none'] },
  { key: 'error.type', description: 'Exception type, e.g. TypeError' },
  { key: 'error.value', description: 'Exception message' },
  { key: 'error.handled', description: 'Handled by the app', values: ['true', 'false'] },
  { key: 'message', description: 'Message text' },
  { key: 'user.email', description: 'Affected user email' },
  { key: 'url', description: 'Request URL' },
  { key: 'age', description: 'First seen, e.g. -24h', values: ['-1h', '-24h', '-7d', '+14d'] },
  { key: 'lastSeen', description: 'Last seen, e.g. -1h', values: ['-1h', '-24h', '-7d'] },
  { key: 'times_seen', description: 'Event count, e.g. >10', values: ['>10', '>100', '>1000'] },
  { key: 'has', description: 'Has a tag', values: ['user', 'release', 'environment'] },
];
