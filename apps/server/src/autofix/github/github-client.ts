import { Octokit } from '@octokit/rest';
import type { GithubRepositoryName } from './github-repository-name.ts';
import { summarizeCheckRuns, type CheckRunsSummary } from './summarize-check-runs.ts';

export interface GithubClientOptions {
  /** REST base URL: https://api.github.com, or GitHub Enterprise's `https://host/api/v3`. */
  apiUrl: string;
  /** A token, or where to get one for each request (a GitHub App's cached installation token). */
  token: string | (() => Promise<string>);
  repository: GithubRepositoryName;
  /** Per request; the Octokit default waits forever. */
  timeoutMs?: number;
}

export interface PullRequestInput {
  head: string;
  base: string;
  title: string;
  body: string;
}

export interface PullRequestRef {
  number: number;
  url: string;
  created: boolean;
}

/**
 * The few GitHub REST routes autofix uses, through Octokit with a token or a GitHub App installation: pull requests from a fix branch
 * (opened once, then updated), issues for critical errors, and the check runs of a fix commit.
 */
export class GithubClient {
  private readonly octokit: Octokit;
  private readonly repo: GithubRepositoryName;

  constructor(options: GithubClientOptions) {
    this.repo = options.repository;
    const { token } = options;
    this.octokit = new Octokit({
      auth: typeof token === 'string' ? token : undefined,
      baseUrl: options.apiUrl.replace(/\/+$/, ''),
      userAgent: 'fixloop-autofix',
      request: { fetch: withTimeout(options.timeoutMs ?? 30_000) },
    });
    if (typeof token !== 'string') {
      this.octokit.hook.before('request', async (request) => {
        request.headers.authorization = `token ${await token()}`;
      });
    }
  }

  /** Opens a PR from `head` to `base`, or updates the open one (one PR per head branch). */
  async ensurePullRequest(input: PullRequestInput): Promise<PullRequestRef> {
    const { owner, repo } = this.repo;
    const open = await this.octokit.rest.pulls.list({
      owner,
      repo,
      head: `${owner}:${input.head}`,
      state: 'open',
    });
    const existing = open.data[0];
    if (existing !== undefined) {
      await this.octokit.rest.pulls.update({
        owner,
        repo,
        pull_number: existing.number,
        title: input.title,
        body: input.body,
      });
      return { number: existing.number, url: existing.html_url, created: false };
    }
    const created = await this.octokit.rest.pulls.create({ owner, repo, ...input });
    return { number: created.data.number, url: created.data.html_url, created: true };
  }

  async createIssue(input: {
    title: string;
    body: string;
    labels: string[];
  }): Promise<{ number: number; url: string }> {
    const { owner, repo } = this.repo;
    const created = await this.octokit.rest.issues.create({ owner, repo, ...input });
    return { number: created.data.number, url: created.data.html_url };
  }

  async checkRuns(sha: string): Promise<CheckRunsSummary> {
    const { owner, repo } = this.repo;
    const response = await this.octokit.rest.checks.listForRef({ owner, repo, ref: sha, per_page: 100 });
    return summarizeCheckRuns(response.data.check_runs);
  }
}

function withTimeout(timeoutMs: number): typeof fetch {
  return (input, init) => fetch(input, { ...init, signal: init?.signal ?? AbortSignal.timeout(timeoutMs) });
}
