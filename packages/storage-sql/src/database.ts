import type { Generated } from 'kysely';

/**
 * Table typings shared by both dialects (one file over 400 lines on purpose: the whole schema in one view,
 * next to the migrations that create it). Timestamps are epoch milliseconds (INTEGER / BIGINT),
 * booleans are 0/1 integers (better-sqlite3 cannot bind booleans), JSON is text, blobs are
 * compressed bytes (BLOB / BYTEA).
 */
export interface Database {
  fix_attempts: FixAttemptsTable;
  fix_attempt_events: FixAttemptEventsTable;
  autofix_switches: AutofixSwitchesTable;
  autofix_leases: AutofixLeasesTable;
  organizations: OrganizationsTable;
  projects: ProjectsTable;
  project_keys: ProjectKeysTable;
  users: UsersTable;
  organization_members: OrganizationMembersTable;
  api_tokens: ApiTokensTable;
  issues: IssuesTable;
  issue_hashes: IssueHashesTable;
  events: EventsTable;
  issue_tag_values: IssueTagValuesTable;
  event_timelines: EventTimelinesTable;
  attachments: AttachmentsTable;
  user_reports: UserReportsTable;
  outcomes: OutcomesTable;
  jobs: JobsTable;
  audit_log: AuditLogTable;
  investigations: InvestigationsTable;
  llm_usage: LlmUsageTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  project_teams: ProjectTeamsTable;
  login_sessions: LoginSessionsTable;
  alert_channels: AlertChannelsTable;
  alert_rules: AlertRulesTable;
  alert_deliveries: AlertDeliveriesTable;
  alert_throttle_state: AlertThrottleStateTable;
  slack_threads: SlackThreadsTable;
  alert_pipeline_events: AlertPipelineEventsTable;
  releases: ReleasesTable;
  release_projects: ReleaseProjectsTable;
  deploys: DeploysTable;
  release_files: ReleaseFilesTable;
  artifact_chunks: ArtifactChunksTable;
  artifact_bundles: ArtifactBundlesTable;
  artifact_bundle_projects: ArtifactBundleProjectsTable;
  artifact_files: ArtifactFilesTable;
  issue_bookmarks: IssueUserMarkTable;
  issue_seen: IssueUserMarkTable;
  issue_subscriptions: IssueSubscriptionsTable;
  issue_activities: IssueActivitiesTable;
  issue_redirects: IssueRedirectsTable;
  issue_hourly_counts: IssueHourlyCountsTable;
}

export interface OrganizationsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  created_at: number;
}

export interface ProjectsTable {
  id: Generated<number>;
  organization_id: number;
  slug: string;
  name: string;
  platform: string | null;
  settings: string;
  next_short_id: number;
  created_at: number;
}

export interface ProjectKeysTable {
  id: Generated<number>;
  project_id: number;
  public_key: string;
  label: string;
  is_active: number;
  created_at: number;
}

export interface UsersTable {
  id: Generated<number>;
  email: string;
  name: string;
  password_hash: string;
  is_superuser: number;
  must_change_password: number;
  created_at: number;
}

export interface OrganizationMembersTable {
  organization_id: number;
  user_id: number;
  role: string;
  /** Added by migration 003; 0 for memberships made before it. */
  created_at: Generated<number>;
}

export interface ApiTokensTable {
  id: Generated<number>;
  name: string;
  token_hash: string;
  token_prefix: string;
  scopes: string;
  user_id: number | null;
  created_at: number;
  last_used_at: number | null;
  /** Added by migration 003; '' for tokens made before it. */
  token_last_characters: Generated<string>;
}

export interface IssuesTable {
  id: Generated<number>;
  project_id: number;
  short_id: number;
  primary_hash: string;
  title: string;
  culprit: string;
  type: string;
  level: string;
  platform: string;
  metadata: string;
  status: string;
  substatus: string | null;
  status_details: string;
  severity: string;
  error_class: string;
  severity_override: string | null;
  error_class_override: string | null;
  first_seen: number;
  last_seen: number;
  times_seen: number;
  user_count: number;
  first_release: string | null;
  last_release: string | null;
  resolved_at: number | null;
  /** Migration 004 (workflow); ingest never writes them. */
  assignee_type?: string | null;
  assignee_id?: number | null;
  is_public?: number;
  ignore_until?: number | null;
}

export interface IssueHashesTable {
  project_id: number;
  hash: string;
  issue_id: number;
}

export interface EventsTable {
  id: Generated<number>;
  project_id: number;
  event_id: string;
  issue_id: number;
  timestamp: number;
  received_at: number;
  level: string;
  environment: string;
  release: string | null;
  user_key: string | null;
  title: string;
  payload: Uint8Array;
}

export interface IssueTagValuesTable {
  issue_id: number;
  key: string;
  value: string;
  times_seen: number;
  first_seen: number;
  last_seen: number;
}

export interface EventTimelinesTable {
  project_id: number;
  event_id: string;
  received_at: number;
  entries: Uint8Array;
}

export interface AttachmentsTable {
  id: Generated<number>;
  project_id: number;
  event_id: string;
  filename: string;
  content_type: string | null;
  attachment_type: string;
  size: number;
  data: Uint8Array;
  created_at: number;
}

export interface UserReportsTable {
  id: Generated<number>;
  project_id: number;
  event_id: string | null;
  issue_id: number | null;
  name: string;
  email: string;
  comments: string;
  url: string | null;
  source: string;
  created_at: number;
}

export interface OutcomesTable {
  project_id: number;
  category: string;
  outcome: string;
  bucket: number;
  quantity: number;
}

export interface JobsTable {
  id: Generated<number>;
  kind: string;
  payload: string;
  state: string;
  concurrency_key: string | null;
  /** Set only by enqueueUnique (migration 006). */
  dedupe_key?: string | null;
  attempts: number;
  max_attempts: number;
  run_at: number;
  locked_by: string | null;
  locked_at: number | null;
  last_error: string | null;
  created_at: number;
  finished_at: number | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  organization_id: number | null;
  actor: string;
  user_id: number | null;
  token_id: number | null;
  action: string;
  target: string;
  before: string | null;
  after: string | null;
  created_at: number;
}

export interface InvestigationsTable {
  id: Generated<number>;
  issue_id: number;
  project_id: number;
  status: string;
  trigger: string;
  event_id: string | null;
  commit_sha: string | null;
  summary: string | null;
  confidence: number | null;
  report: string | null;
  markdown: string | null;
  model: string | null;
  prompt_tokens: number;
  completion_tokens: number;
  cost_usd: number;
  comment_id: number | null;
  error: string | null;
  created_at: number;
  finished_at: number | null;
}

export interface LlmUsageTable {
  id: Generated<number>;
  project_id: number;
  issue_id: number | null;
  purpose: string;
  provider: string;
  model: string;
  prompt_tokens: number;
  completion_tokens: number;
  cost_usd: number;
  outcome: string;
  at: number;
}

export interface AlertChannelsTable {
  id: Generated<number>;
  organization_id: number;
  kind: string;
  name: string;
  config: string;
  enabled: number;
  quiet_hours: string | null;
  max_per_minute: number | null;
  allow_private_networks: number;
  system_alerts: number;
  source: string;
  created_at: number;
  updated_at: number;
}

export interface AlertRulesTable {
  id: Generated<number>;
  organization_id: number;
  project_id: number | null;
  key: string | null;
  source: string;
  name: string;
  enabled: number;
  triggers: string;
  filters: string;
  channels: string;
  throttle_window_minutes: number;
  digest_threshold: number;
  snoozed_until: number | null;
  /** 1 when a trigger is a schedule: the minute tick reads only these. */
  scheduled: number;
  created_at: number;
  updated_at: number;
}

export interface AlertDeliveriesTable {
  id: Generated<number>;
  organization_id: number | null;
  rule_id: number | null;
  channel_id: number;
  channel_kind: string;
  kind: string;
  issue_id: number | null;
  summary: string;
  status: string;
  attempts: number;
  provider_message_id: string | null;
  error: string | null;
  dedupe_key: string | null;
  payload: string | null;
  created_at: number;
  updated_at: number;
}

export interface AlertThrottleStateTable {
  key: string;
  value: string;
  version: number;
  updated_at: number;
}

export interface SlackThreadsTable {
  issue_id: number;
  alert_channel_id: number;
  slack_channel: string;
  ts: string;
  created_at: number;
}

export interface AlertPipelineEventsTable {
  id: Generated<number>;
  issue_id: number;
  project_id: number;
  kind: string;
  details: string;
  created_at: number;
}

export interface TeamsTable {
  id: Generated<number>;
  organization_id: number;
  slug: string;
  name: string;
  created_at: number;
}

export interface TeamMembersTable {
  team_id: number;
  user_id: number;
}

export interface ProjectTeamsTable {
  team_id: number;
  project_id: number;
}

export interface LoginSessionsTable {
  id_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
}

/** Migration 004: bookmarks and "seen" marks of a user on an issue. */
export interface IssueUserMarkTable {
  issue_id: number;
  user_id: number;
  at: number;
}

export interface IssueSubscriptionsTable extends IssueUserMarkTable {
  is_subscribed: number;
}

export interface IssueActivitiesTable {
  id: Generated<number>;
  issue_id: number;
  project_id: number;
  type: string;
  user_id: number | null;
  data: string;
  created_at: number;
}

/** A merged issue's id (and short id) and the issue it was merged into. */
export interface IssueRedirectsTable {
  issue_id: number;
  project_id: number;
  short_id: number;
  target_issue_id: number;
  created_at: number;
}

export interface IssueHourlyCountsTable {
  issue_id: number;
  /** Start of the hour, epoch ms (of the events' timestamps). */
  bucket: number;
  count: number;
}

// Migration 005: releases, deploys and sentry-cli uploads. `dist` is '' for none.

export interface ReleasesTable {
  id: Generated<number>;
  organization_id: number;
  version: string;
  ref: string | null;
  url: string | null;
  date_released: number | null;
  commits: string | null;
  commit_count: Generated<number>;
  created_at: number;
  /** `open` or `archived` (migration 010). */
  status: Generated<string>;
}

export interface ReleaseProjectsTable {
  release_id: number;
  project_id: number;
}

export interface DeploysTable {
  id: Generated<number>;
  release_id: number;
  organization_id: number;
  environment: string;
  name: string | null;
  url: string | null;
  date_started: number | null;
  date_finished: number;
}

export interface ReleaseFilesTable {
  id: Generated<number>;
  release_id: number;
  organization_id: number;
  dist: Generated<string>;
  name: string;
  headers: string;
  content: Uint8Array;
  size: number;
  sha1: string;
  created_at: number;
}

export interface ArtifactChunksTable {
  organization_id: number;
  checksum: string;
  size: number;
  data: Uint8Array;
  created_at: number;
}

export interface ArtifactBundlesTable {
  id: Generated<number>;
  organization_id: number;
  checksum: string;
  bundle_id: string;
  release: string | null;
  dist: Generated<string>;
  file_count: number;
  created_at: number;
}

export interface ArtifactBundleProjectsTable {
  bundle_id: number;
  project_id: number;
}

export interface ArtifactFilesTable {
  id: Generated<number>;
  bundle_id: number;
  organization_id: number;
  path: string;
  url: string;
  type: string;
  debug_id: string | null;
  release: string | null;
  dist: Generated<string>;
  headers: string;
  content: Uint8Array;
  size: number;
}

/** Migration 009: fix attempts (the engine's record as JSON plus the columns people query). */
export interface FixAttemptsTable {
  id: Generated<number>;
  project_id: number;
  issue_id: number;
  state: string;
  trigger: string;
  record: string | null;
  category: string | null;
  confidence: number | null;
  fixer: string | null;
  explanation: string | null;
  diff: string | null;
  test_file: string | null;
  test_content: string | null;
  verification_outcome: string | null;
  verification_log: string | null;
  base_sha: string | null;
  commit_sha: string | null;
  branch: string;
  push_state: string;
  pull_request_url: string | null;
  checks_state: string | null;
  approver_role: string | null;
  approved_by: string | null;
  approved_at: number | null;
  rejected_by: string | null;
  rejection_reason: string | null;
  rejected_at: number | null;
  rollback_sha: string | null;
  rolled_back_at: number | null;
  runs: number;
  last_error: string | null;
  reason: string | null;
  job_id: number | null;
  investigation_id: number | null;
  created_at: number;
  updated_at: number;
  committed_at: number | null;
}

export interface FixAttemptEventsTable {
  id: Generated<number>;
  attempt_id: number;
  from_state: string | null;
  to_state: string;
  actor_kind: string;
  actor_name: string;
  actor_user_id: number | null;
  reason: string;
  details: string | null;
  at: number;
}

export interface AutofixSwitchesTable {
  scope: string;
  scope_id: number;
  enabled: number;
  updated_by: string | null;
  updated_at: number | null;
}

export interface AutofixLeasesTable {
  key: string;
  owner: string;
  expires_at: number;
}
