import type { Generated } from 'kysely';

/**
 * Table typings shared by both dialects. Timestamps are epoch milliseconds (INTEGER / BIGINT),
 * booleans are 0/1 integers (better-sqlite3 cannot bind booleans), JSON is text, blobs are
 * compressed bytes (BLOB / BYTEA).
 */
export interface Database {
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
  attempts: number;
  max_attempts: number;
  run_at: number;
  locked_by: string | null;
  locked_at: number | null;
  last_error: string | null;
  created_at: number;
  finished_at: number | null;
}
