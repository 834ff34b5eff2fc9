import type { ErrorClass } from '@fixloop/core';
import { describe, expect, it } from 'vitest';
import { classifyIssue } from './classify-issue.ts';

interface Case {
  type?: string;
  value?: string;
  module?: string;
  mechanism?: Record<string, unknown>;
  platform?: string;
  level?: string;
}

const event = (c: Case) => ({
  platform: c.platform ?? 'node',
  level: c.level ?? 'error',
  exception: {
    values: [
      {
        type: c.type,
        value: c.value,
        module: c.module,
        mechanism: c.mechanism ?? { type: 'generic', handled: true },
      },
    ],
  },
});
const classOf = (c: Case): ErrorClass => classifyIssue(event(c)).errorClass;

const CASES: Record<ErrorClass, Case[]> = {
  network: [
    { type: 'TypeError', value: 'Failed to fetch', platform: 'javascript' },
    { type: 'TypeError', value: 'NetworkError when attempting to fetch resource.', platform: 'javascript' },
    { type: 'Error', value: 'connect ECONNREFUSED 127.0.0.1:5432' },
    { type: 'Error', value: 'getaddrinfo ENOTFOUND api.example.com' },
    { type: 'Error', value: 'socket hang up' },
    { type: 'AbortError', value: 'The operation was aborted.' },
    { type: 'ChunkLoadError', value: 'Loading chunk 42 failed.', platform: 'javascript' },
    {
      type: 'ConnectionError',
      module: 'requests.exceptions',
      value: 'Max retries exceeded',
      platform: 'python',
    },
  ],
  api: [
    { type: 'AxiosError', value: 'Request failed with status code 404' },
    { type: 'HTTPError', value: '502 Server Error: Bad Gateway for url', platform: 'python' },
    {
      type: 'Error',
      value: 'HTTP Client Error with status code: 500',
      mechanism: { type: 'http.client', handled: false },
    },
  ],
  database: [
    { type: 'SequelizeDatabaseError', value: 'column "x" does not exist' },
    { type: 'QueryFailedError', value: 'duplicate key value violates unique constraint' },
    { type: 'PrismaClientKnownRequestError', value: 'Unique constraint failed' },
    { type: 'MongoServerError', value: 'E11000 duplicate key error' },
    { type: 'Error', value: 'ER_DUP_ENTRY: Duplicate entry' },
    { type: 'SqliteError', value: 'SQLITE_BUSY: database is locked' },
    { type: 'OperationalError', module: 'psycopg2', value: 'could not connect', platform: 'python' },
    {
      type: 'IntegrityError',
      module: 'sqlalchemy.exc',
      value: 'NOT NULL constraint failed',
      platform: 'python',
    },
    { type: 'error', value: 'relation "users" does not exist' },
    { type: 'Error', value: 'deadlock detected' },
  ],
  auth: [
    { type: 'AxiosError', value: 'Request failed with status code 401' },
    { type: 'Error', value: '403 Forbidden' },
    { type: 'UnauthorizedError', value: 'No authorization token was found' },
    { type: 'JsonWebTokenError', value: 'jwt malformed' },
    { type: 'TokenExpiredError', value: 'jwt expired' },
    { type: 'PermissionError', value: '[Errno 13] Permission denied', platform: 'python' },
    { type: 'Error', value: 'User is not authorized to access this resource' },
  ],
  validation: [
    { type: 'ValidationError', value: '"email" is required' },
    { type: 'ZodError', value: '[{"code":"invalid_type"}]' },
    { type: 'ValueError', value: 'invalid literal for int() with base 10', platform: 'python' },
    { type: 'Error', value: 'Request failed with status code 400' },
    { type: 'Error', value: 'Invalid input' },
  ],
  crash: [
    { type: 'Error', value: 'boom', level: 'fatal' },
    {
      type: 'Error',
      value: 'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory',
    },
    { type: 'RangeError', value: 'Maximum call stack size exceeded', platform: 'javascript' },
    {
      type: 'SIGSEGV',
      value: 'Segfault',
      mechanism: { type: 'signal', handled: false, meta: { signal: { number: 11 } } },
    },
    { type: 'MemoryError', value: '', platform: 'python' },
  ],
  javascript: [
    {
      type: 'TypeError',
      value: "Cannot read properties of undefined (reading 'id')",
      platform: 'javascript',
    },
    { type: 'ReferenceError', value: 'foo is not defined', platform: 'javascript' },
    { type: 'SyntaxError', value: 'Unexpected token <', platform: 'javascript' },
  ],
  runtime: [
    { type: 'TypeError', value: "Cannot read properties of undefined (reading 'id')", platform: 'node' },
    { type: 'KeyError', value: "'user_id'", platform: 'python' },
    { type: 'ZeroDivisionError', value: 'division by zero', platform: 'python' },
  ],
  unknown: [],
};

describe('classifyIssue: error class', () => {
  for (const [errorClass, cases] of Object.entries(CASES)) {
    for (const c of cases) {
      it(`${errorClass}: ${c.type ?? ''}: ${c.value ?? ''}`, () => {
        expect(classOf(c)).toBe(errorClass);
      });
    }
  }

  it('unknown: message-only events', () => {
    expect(classifyIssue({ level: 'error', logentry: { formatted: 'Something odd' } }).errorClass).toBe(
      'unknown',
    );
  });

  it('looks down the exception chain when the newest exception says nothing specific', () => {
    const chained = {
      platform: 'python',
      exception: {
        values: [
          { type: 'OperationalError', module: 'psycopg2', value: 'server closed the connection' },
          { type: 'RuntimeError', value: 'job failed' },
        ],
      },
    };
    expect(classifyIssue(chained).errorClass).toBe('database');
  });
});

describe('classifyIssue: severity', () => {
  it('blocking: unhandled or fatal', () => {
    expect(classifyIssue(event({ type: 'E', mechanism: { type: 'onerror', handled: false } })).severity).toBe(
      'blocking',
    );
    expect(classifyIssue({ level: 'fatal', logentry: { formatted: 'x' } }).severity).toBe('blocking');
  });

  it('annoying: handled error-level exceptions and error-level messages', () => {
    expect(classifyIssue(event({ type: 'E' })).severity).toBe('annoying');
    expect(classifyIssue({ level: 'error', logentry: { formatted: 'x' } }).severity).toBe('annoying');
  });

  it('warning and info follow the level', () => {
    expect(classifyIssue(event({ type: 'E', level: 'warning' })).severity).toBe('warning');
    expect(classifyIssue({ level: 'info', logentry: { formatted: 'x' } }).severity).toBe('info');
    expect(classifyIssue({ level: 'debug' }).severity).toBe('info');
  });
});
