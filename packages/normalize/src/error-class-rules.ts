import type { ErrorClass } from '@fixloop/core';

/** What the rules look at, taken from one exception of the event (see classify-issue.ts). */
export interface ErrorFacts {
  type: string;
  value: string;
  module: string;
  mechanismType: string;
  /** True when the mechanism carries a POSIX signal / mach exception (native crash). */
  hasSignal: boolean;
  level: string;
  platform: string;
  /** HTTP status found in the response context, mechanism data or the message text. */
  statusCode: number | null;
}

export interface ErrorClassRule {
  errorClass: ErrorClass;
  types?: RegExp;
  values?: RegExp;
  modules?: RegExp;
  mechanisms?: RegExp;
  matches?: (facts: ErrorFacts) => boolean;
}

/**
 * First match wins, so the order encodes priority: a crash beats everything; auth and database errors are
 * more specific than the network / validation / api wording they often contain. `javascript` and
 * `runtime` are fallbacks applied by classify-issue.ts when no rule matches.
 */
export const ERROR_CLASS_RULES: readonly ErrorClassRule[] = [
  {
    errorClass: 'crash',
    types:
      /OutOfMemory|MemoryError|StackOverflow|RecursionError|SIGSEGV|SIGABRT|SIGBUS|SIGILL|SIGFPE|EXC_BAD_ACCESS|EXC_CRASH|Segfault/i,
    values:
      /heap out of memory|out of memory|allocation failed|Maximum call stack size exceeded|too much recursion|stack overflow|segmentation fault/i,
    mechanisms: /^(signal|minidump|crashpad|breakpad|mach|AppHang|ANR)$/i,
    matches: (f) => f.level === 'fatal' || f.hasSignal,
  },
  {
    errorClass: 'auth',
    types:
      /JsonWebTokenError|TokenExpiredError|NotBeforeError|PermissionError|PermissionDenied|Authenticat\w*Error|Authori[sz]ation\w*Error|Unauthori[sz]ed|Forbidden|AccessDenied|NotAuthenticated|InvalidToken|SecurityException/i,
    values:
      /unauthori[sz]ed|forbidden|not authori[sz]ed|not authenticated|permission denied|access denied|jwt expired|jwt malformed|invalid (?:token|signature|credentials)|authentication (?:failed|required)|login required/i,
    matches: (f) => f.statusCode === 401 || f.statusCode === 403,
  },
  {
    errorClass: 'database',
    types:
      /Sequelize\w*Error|QueryFailedError|EntityNotFound|Prisma\w*|Mongo\w*Error|MongoError|IntegrityError|OperationalError|ProgrammingError|DatabaseError|DataError|SqliteError|SqlException|PDOException|QueryException|DbUpdateException|KnexTimeoutError|DeadlockError/,
    values:
      /\bER_[A-Z_]+\b|\bSQLITE_[A-Z_]+\b|relation "?[\w.]+"? does not exist|deadlock|duplicate key value|violates (?:foreign key|unique|not-null|check) constraint|no such table|no such column|syntax error at or near|too many connections|database is locked/i,
    modules: /psycopg|sqlalchemy|django\.db|pymongo|mysql|sqlite3|prisma|sequelize|typeorm|mongoose/i,
  },
  {
    errorClass: 'network',
    types:
      /^(AbortError|TimeoutError|NetworkError|FetchError|ChunkLoadError|ConnectionError|ConnectTimeout\w*|ReadTimeout\w*|ConnectionRefusedError|ConnectionResetError|ConnectionAbortedError|socket\.timeout|TimeoutException|HttpRequestException|SocketException|ECONNREFUSED|ETIMEDOUT)$/i,
    values:
      /Failed to fetch|NetworkError|Network Error|Network request failed|^Load failed$|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|socket hang up|timed? ?out|timeout|Loading (?:CSS )?chunk [\w-]+ failed|The (?:user aborted a|operation was aborted)/i,
    modules: /requests\.exceptions|urllib3\.exceptions|httpx/i,
  },
  {
    errorClass: 'validation',
    types:
      /ValidationError|ValidatorError|ZodError|ValueError|InvalidArgument|ArgumentException|ArgumentNullException|ArgumentOutOfRange|IllegalArgumentException|BadRequest|UnprocessableEntity|SchemaError|JSONDecodeError/,
    values: /\binvalid\b|bad request|is required|must be (?:a|an|of|one|at)\b|validation failed/i,
    matches: (f) => f.statusCode === 400 || f.statusCode === 422,
  },
  {
    errorClass: 'api',
    types:
      /^(HTTPError|HttpError|AxiosError|ApiError|APIError|ResponseError|HTTPException|ClientResponseError)$/,
    values: /Request failed with status code \d{3}|\b(?:HTTP|status)\s*(?:code\s*)?[45]\d\d\b/i,
    mechanisms: /^http\.client$/,
    matches: (f) => f.statusCode !== null && f.statusCode >= 400 && f.statusCode < 600,
  },
];

export function ruleMatches(rule: ErrorClassRule, facts: ErrorFacts): boolean {
  return Boolean(
    (rule.types && facts.type && rule.types.test(facts.type)) ||
    (rule.values && facts.value && rule.values.test(facts.value)) ||
    (rule.modules && facts.module && rule.modules.test(facts.module)) ||
    (rule.mechanisms && facts.mechanismType && rule.mechanisms.test(facts.mechanismType)) ||
    rule.matches?.(facts),
  );
}
