// Shapes of the Web API responses the dashboard reads. Sentry-shaped where Sentry has the endpoint
// (spec §7), Fixloop additions otherwise. One file over 400 lines on purpose: it mirrors docs/api.md, and
// the dashboard's pages share most of these shapes.

export type Role = 'owner' | 'admin' | 'member' | 'viewer';
export type Severity = 'blocking' | 'annoying' | 'warning' | 'info';
export type ErrorClass =
  'javascript' | 'network' | 'api' | 'database' | 'auth' | 'validation' | 'runtime' | 'crash' | 'unknown';
export type Level = 'fatal' | 'error' | 'warning' | 'info' | 'debug';
export type IssueStatus = 'unresolved' | 'resolved' | 'ignored';

export interface SessionUser {
  id: string | number;
  email: string;
  name: string;
  mustChangePassword: boolean;
}

export interface OrganizationSummary {
  id: string | number;
  slug: string;
  name: string;
  role?: Role;
}

export interface Session {
  user: SessionUser;
  csrfToken: string;
  organizations: OrganizationSummary[];
}

export interface LoginResponse {
  user: SessionUser;
  csrfToken: string;
}

export interface ProjectSummary {
  id: string;
  slug: string;
  name: string;
  platform?: string | null;
}

export interface Actor {
  type?: 'user' | 'team';
  id: string;
  name: string;
  email?: string;
}

export interface StatusDetails {
  inRelease?: string;
  inNextRelease?: boolean;
  ignoreDuration?: number;
  ignoreCount?: number;
  ignoreWindow?: number;
  ignoreUntil?: string;
  [key: string]: unknown;
}

/** `[epochSeconds, count]` buckets, as Sentry sends `stats`. */
export type StatsSeries = [number, number][];

export interface Issue {
  id: string;
  shortId: string;
  title: string;
  culprit: string;
  permalink?: string;
  level: Level;
  status: IssueStatus;
  substatus?: string | null;
  statusDetails: StatusDetails;
  platform?: string;
  project: ProjectSummary;
  type?: string;
  metadata: { type?: string; value?: string; filename?: string; function?: string; title?: string };
  numComments?: number;
  assignedTo: Actor | null;
  /** A string, as in Sentry. */
  count: string;
  userCount: number;
  firstSeen: string;
  lastSeen: string;
  /**
   * Series by period. The dashboard asks without `groupStatsPeriod` and reads the series of its own
   * `statsPeriod` (`24h` or `14d`); `auto` is what `groupStatsPeriod=auto` answers, as in Sentry.
   */
  stats?: Partial<Record<'24h' | '14d' | 'auto', StatsSeries>>;
  severity: Severity;
  errorClass: ErrorClass;
  /** Set when someone chose the severity or class by hand (null: derived at ingest). */
  severityOverride?: Severity | null;
  errorClassOverride?: ErrorClass | null;
  firstRelease?: { version: string } | string | null;
  lastRelease?: { version: string } | string | null;
}

export interface IssuePage {
  issues: Issue[];
  next: string | null;
  previous: string | null;
  /** From the X-Hits header when the server sends it. */
  hits: number | null;
}

export interface IssueUpdate {
  status?: IssueStatus;
  statusDetails?: StatusDetails;
  assignedTo?: string | null;
  /** null clears the override, back to the derived value. */
  severity?: Severity | null;
  errorClass?: ErrorClass | null;
  hasSeen?: boolean;
  isBookmarked?: boolean;
  merge?: 1;
}

export interface StackFrameJson {
  filename?: string | null;
  absPath?: string | null;
  abs_path?: string | null;
  function?: string | null;
  module?: string | null;
  package?: string | null;
  lineNo?: number | null;
  lineno?: number | null;
  colNo?: number | null;
  colno?: number | null;
  inApp?: boolean | null;
  in_app?: boolean | null;
  /** Sentry's API form: `[lineNo, line]` pairs around the frame. */
  context?: [number, string][];
  pre_context?: string[];
  context_line?: string;
  post_context?: string[];
  vars?: Record<string, unknown> | null;
  platform?: string | null;
}

export interface StacktraceJson {
  frames: StackFrameJson[];
}

export interface ExceptionValueJson {
  type?: string | null;
  value?: string | null;
  module?: string | null;
  mechanism?: { type?: string; handled?: boolean; synthetic?: boolean } | null;
  stacktrace?: StacktraceJson | null;
  rawStacktrace?: StacktraceJson | null;
  raw_stacktrace?: StacktraceJson | null;
}

export interface RequestJson {
  method?: string | null;
  url?: string | null;
  query?: unknown;
  query_string?: unknown;
  data?: unknown;
  headers?: [string, string][] | Record<string, string>;
  cookies?: unknown;
  env?: Record<string, string>;
}

export type EventEntry =
  | { type: 'exception'; data: { values: ExceptionValueJson[] } }
  | { type: 'breadcrumbs'; data: { values: Record<string, unknown>[] } }
  | { type: 'request'; data: RequestJson }
  | { type: 'message'; data: { formatted?: string; message?: string } }
  | { type: string; data: unknown };

export interface EventTag {
  key: string;
  value: string;
}

export interface EventUser {
  id?: string | null;
  email?: string | null;
  username?: string | null;
  ip_address?: string | null;
  name?: string | null;
  [key: string]: unknown;
}

export interface IssueEvent {
  id: string;
  eventID: string;
  groupID?: string;
  projectID?: string;
  title: string;
  message?: string;
  culprit?: string;
  platform?: string;
  dateCreated: string;
  dateReceived?: string;
  entries: EventEntry[];
  contexts?: Record<string, Record<string, unknown>>;
  tags: EventTag[] | [string, string][];
  user?: EventUser | null;
  release?: { version: string } | string | null;
  environment?: string | null;
  sdk?: { name?: string; version?: string } | null;
  previousEventID?: string | null;
  nextEventID?: string | null;
}

export type TimelineLayer = 'user' | 'network' | 'frontend' | 'backend' | (string & {});

export interface TimelineNetworkJson {
  method: string | null;
  url: string | null;
  statusCode: number | null;
  durationMs: number | null;
  failed: boolean;
}

/** One timeline line as the server sends it (core's TimelineEntry; `timestamp` is accepted too). */
export interface TimelineEntryJson {
  ts?: string;
  timestamp?: string | number;
  layer: TimelineLayer;
  kind?: string;
  category?: string | null;
  message?: string | null;
  level?: Level | string;
  data?: Record<string, unknown> | null;
  network?: TimelineNetworkJson | null;
  isError?: boolean;
  source?: string;
}

export interface TimelineResponse {
  entries: TimelineEntryJson[];
}

export interface Comment {
  id: string;
  type?: string;
  data: { text: string };
  user: Actor | null;
  dateCreated: string;
}

export interface Activity {
  id: string;
  type: string;
  data: Record<string, unknown>;
  user: Actor | null;
  dateCreated: string;
}

export interface TagValue {
  value: string;
  name?: string;
  count: number;
  lastSeen?: string;
}

export interface IssueTag {
  key: string;
  name?: string;
  totalValues: number;
  topValues: TagValue[];
}

export interface StatsSummary {
  total: number;
  blocking: number;
  errors: number;
  warnings: number;
  /** Error-trend buckets: `[epochSeconds, count]` pairs or `{timestamp, count}` objects. */
  series?: StatsSeries | { timestamp: string | number; count: number }[];
  trend?: StatsSeries | { timestamp: string | number; count: number }[];
}

export interface TrendPoint {
  time: number;
  count: number;
}

export interface Member {
  /** The user's id (a user is a member once). */
  id: string;
  email: string;
  name: string;
  role: Role;
  orgRole?: Role;
  user?: { id: string; name?: string; email?: string } | null;
  dateCreated?: string;
}

export interface ApiToken {
  id: string;
  name: string;
  scopes: string[];
  dateCreated: string;
  dateLastUsed?: string | null;
  tokenLastCharacters?: string;
  tokenPrefix?: string;
  user?: { id: string; email?: string; name?: string } | null;
  /** Present once, in the creation response. */
  token?: string;
}

export interface RepositorySettingsJson {
  url: string;
  baseBranch?: string;
  fixBranch?: string;
  testCommand?: string;
  installCommand?: string;
  /** The token itself is never sent back. */
  hasToken?: boolean;
}

export type TriggerAction = 'attempt_fix' | 'investigate' | 'record';

/** When an issue of a severity gets a fix attempt (core's TriggerRule). */
export interface TriggerRuleJson {
  severity: Severity;
  action: TriggerAction;
  minEvents?: number;
  windowMinutes?: number;
}

/** core's AutofixSettings as the project JSON carries it; only `enabled` and `triggerRules` are edited here. */
export interface AutofixProjectSettingsJson {
  enabled: boolean;
  triggerRules: TriggerRuleJson[];
  [key: string]: unknown;
}

/** Fixloop's project settings (core ProjectSettings, repository token redacted). */
export interface ProjectSettingsJson {
  rateLimit: { count: number; windowSeconds: number } | null;
  scrubbing: { enabled: boolean; extraFields: string[]; safeFields: string[]; scrubIpAddresses: boolean };
  eventRetentionDays: number;
  timelineRetentionDays: number;
  repository?: RepositorySettingsJson | null;
  investigation?: { auto?: boolean; postComment?: boolean; monthlyBudgetUsd?: number | null };
  /** Present once the server supports per-project autofix settings. */
  autofix?: AutofixProjectSettingsJson;
}

export interface ProjectDetails extends ProjectSummary {
  dateCreated?: string;
  settings?: Partial<ProjectSettingsJson>;
}

/** PUT /projects/{org}/{project}/: every key optional; settings is a partial patch (unknown keys are rejected). */
export interface ProjectUpdate {
  name?: string;
  platform?: string | null;
  settings?: Partial<Omit<ProjectSettingsJson, 'repository'>> & {
    repository?: Omit<RepositorySettingsJson, 'hasToken'> | null;
  };
}

export interface AutofixSwitch {
  enabled: boolean;
}

export interface AiModelChoice {
  provider: string;
  model: string;
}

/** GET/PUT /api/0/organizations/{org}/ai/ (not in the server yet). */
export interface AiSettings {
  primary: AiModelChoice | null;
  fallback: AiModelChoice | null;
  providers?: { id: string; name: string; models: string[]; configured?: boolean }[];
}

export interface HealthResponse {
  status: 'ok' | 'degraded';
  database: { status: string; dialect?: string; error?: string };
  ingest: { queued: number; lagMs: number; [key: string]: unknown };
  worker: {
    pending: number;
    running: number;
    failed: number;
    lagMs: number;
    lastFinishedAt: string | null;
  } | null;
}

export type InvestigationStatus = 'pending' | 'running' | 'completed' | 'failed';

export interface IssueRef {
  id: string;
  shortId: string;
  title: string;
}

/** The stored report (packages/investigation's InvestigationReport); every part may be missing. */
export interface InvestigationReportJson {
  summary?: string;
  confidence?: { score: number; reasons: string[] };
  evidence?: { kind: string; summary: string }[];
  repository?: { baseBranch: string; commit: string; ref: string } | null;
  frames?: { function: string | null; repoPath: string; line: number; inApp: boolean | null }[];
  suspectCommits?: {
    sha: string;
    shortSha?: string;
    summary: string;
    author: { name?: string; email?: string } | string;
    landedAt: string;
    score: number;
    reasons: string[];
  }[];
  relatedCode?: {
    functionName: string | null;
    hits: { kind: string; path: string; line: number; text: string }[];
  } | null;
  similarIssues?: {
    id: number | string;
    shortId?: string;
    title: string;
    score: number;
    reasons?: string[];
  }[];
  runbooks?: { path: string; title: string }[];
  analysis?: {
    by: string;
    rootCause: string;
    details?: string;
    likelyCauses?: string[];
    relatedFiles?: string[];
    confidence?: number;
  } | null;
}

/** GET /api/0/investigations/{id}/ and the lists (apps/server/src/api/investigations). */
export interface InvestigationJson {
  id: string;
  issueId: string;
  projectId: string;
  status: InvestigationStatus;
  trigger: 'auto' | 'manual';
  eventId: string | null;
  commitSha: string | null;
  summary: string | null;
  confidence: number | null;
  model: string | null;
  promptTokens: number;
  completionTokens: number;
  costUsd: number;
  error: string | null;
  report: InvestigationReportJson | null;
  markdown: string | null;
  dateCreated: string;
  dateFinished: string | null;
}

/** An investigation as the pages draw it (see to-investigation-view.ts). */
export interface Investigation {
  id: string;
  issueId: string;
  status: InvestigationStatus;
  dateCreated: string;
  dateCompleted: string | null;
  summary: string;
  error: string | null;
  likelyCauses: { title: string; confidence: number | null; explanation: string }[];
  relatedFiles: { path: string; line?: number | null; url?: string | null; reason?: string }[];
  suspectCommits: { sha: string; message: string; author: string; date: string; url?: string | null }[];
  similarIssues: { id: string; shortId: string; title: string; similarity?: number }[];
  runbooks: { title: string; url?: string | null; excerpt?: string }[];
  model: { provider: string; name: string } | null;
  usage: { inputTokens: number; outputTokens: number; costUsd: number } | null;
}

export const FIX_STATUSES = [
  'pending',
  'reproducing',
  'generating',
  'verifying',
  'committed',
  'tests_passed',
  'tests_failed',
  'needs_review',
  'awaiting_approval',
  'rejected',
  'rolled_back',
  'failed',
] as const;
export type FixStatus = (typeof FIX_STATUSES)[number];

export interface FixAuditEntry {
  id: string;
  action: string;
  actor: Actor | null;
  dateCreated: string;
  note?: string | null;
}

export interface VerificationStep {
  phase: 'before' | 'after';
  passed: boolean;
  command?: string;
  output: string;
  durationMs?: number;
}

export interface Fix {
  id: string;
  issue: IssueRef;
  status: FixStatus;
  source: 'ai' | 'rule';
  title: string;
  explanation: string;
  /** Why the fix stopped where it is (a rejection's reason, a failure, a policy). */
  reason?: string | null;
  /** A unified diff (git format). */
  diff: string;
  test?: { path: string; code: string; language?: string } | null;
  verification: VerificationStep[];
  commit?: {
    sha: string;
    branch: string;
    url?: string | null;
    branchUrl?: string | null;
    /** The revert commit on the fix branch once the fix was rolled back. */
    rollbackSha?: string | null;
  } | null;
  audit: FixAuditEntry[];
  dateCreated: string;
  dateUpdated?: string;
}
