import { verify, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  /** Path and query, e.g. `/repos/acme/shop/pulls?head=acme%3Afixloop&state=open`. */
  url: string;
  authorization: string | undefined;
  body: unknown;
}

interface PullRequest {
  number: number;
  head: string;
  base: string;
  title: string;
  body: string;
  state: 'open' | 'closed';
}

/** A GitHub App the fake knows: installation tokens are only handed out for a JWT its key signed. */
export interface FakeGithubApp {
  appId: number;
  installationId: number;
  publicKey: KeyObject;
  /** How long an installation token lives; GitHub's is an hour. */
  tokenLifetimeMs?: number;
}

/**
 * A local stand-in for the GitHub REST routes autofix uses, with GitHub's paths and JSON shapes, so the
 * real Octokit client runs against it. It keeps pull requests and issues, and serves configured check
 * runs per commit. With an App configured it issues installation tokens (checking the App JWT's RS256
 * signature, issuer and expiry) and accepts only those on the repository routes. Every request is recorded.
 */
export class FakeGithubServer {
  readonly requests: RecordedRequest[] = [];
  readonly pulls: PullRequest[] = [];
  readonly issues: { number: number; title: string; body: string; labels: string[] }[] = [];
  readonly checkRuns = new Map<string, { name: string; status: string; conclusion: string | null }[]>();
  /** Installation tokens handed out, in order. */
  readonly installationTokens: string[] = [];
  app: FakeGithubApp | null = null;
  private server: Server | null = null;
  private nextNumber = 1;

  get url(): string {
    const address = this.server?.address() as AddressInfo | undefined;
    if (!address) throw new Error('the fake GitHub server is not listening');
    return `http://127.0.0.1:${address.port}/api/v3`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void readBody(req).then((body) => {
        const url = (req.url ?? '').replace(/^\/api\/v3/, '');
        this.requests.push({ method: req.method ?? '', url, authorization: req.headers.authorization, body });
        const [status, json] = this.route(
          req.method ?? '',
          new URL(url, 'http://x'),
          body as Record<string, unknown>,
          req.headers.authorization,
        );
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify(json));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private accessToken(installationId: number, authorization: string | undefined): [number, unknown] {
    const app = this.app;
    if (app === null || installationId !== app.installationId) return [404, { message: 'Not Found' }];
    if (!validAppJwt(authorization, app)) return [401, { message: 'A JSON web token could not be decoded' }];
    const token = `ghs_fake_installation_${this.installationTokens.length + 1}`;
    this.installationTokens.push(token);
    const expiresAt = new Date(Date.now() + (app.tokenLifetimeMs ?? 3_600_000)).toISOString();
    return [201, { token, expires_at: expiresAt, permissions: { pull_requests: 'write' } }];
  }

  private route(
    method: string,
    url: URL,
    body: Record<string, unknown>,
    authorization: string | undefined,
  ): [number, unknown] {
    const path = url.pathname;
    const installation = /^\/app\/installations\/(\d+)\/access_tokens$/.exec(path);
    if (method === 'POST' && installation) return this.accessToken(Number(installation[1]), authorization);
    const repo = /^\/repos\/([^/]+)\/([^/]+)/.exec(path);
    if (!repo) return [404, { message: 'Not Found' }];
    if (this.app !== null && !this.installationTokens.some((t) => authorization === `token ${t}`))
      return [401, { message: 'Bad credentials' }];
    const base = `http://github.test/${repo[1]}/${repo[2]}`;
    const rest = path.slice(repo[0].length);
    if (method === 'GET' && rest === '/pulls') {
      const head = url.searchParams.get('head')?.split(':')[1];
      const state = url.searchParams.get('state') ?? 'open';
      return [
        200,
        this.pulls.filter((p) => p.head === head && p.state === state).map((p) => pullJson(p, base)),
      ];
    }
    if (method === 'POST' && rest === '/pulls') {
      const pull: PullRequest = { number: this.nextNumber++, head: String(body.head), base: String(body.base), title: String(body.title), body: String(body.body), state: 'open' }; // prettier-ignore
      this.pulls.push(pull);
      return [201, pullJson(pull, base)];
    }
    const patch = /^\/pulls\/(\d+)$/.exec(rest);
    if (method === 'PATCH' && patch) {
      const pull = this.pulls.find((p) => p.number === Number(patch[1]));
      if (!pull) return [404, { message: 'Not Found' }];
      Object.assign(pull, { title: body.title ?? pull.title, body: body.body ?? pull.body });
      return [200, pullJson(pull, base)];
    }
    if (method === 'POST' && rest === '/issues') {
      const issue = { number: this.nextNumber++, title: String(body.title), body: String(body.body), labels: (body.labels as string[] | undefined) ?? [] }; // prettier-ignore
      this.issues.push(issue);
      return [201, { number: issue.number, html_url: `${base}/issues/${issue.number}`, title: issue.title }];
    }
    const checks = /^\/commits\/([0-9a-f]+)\/check-runs$/.exec(rest);
    if (method === 'GET' && checks?.[1]) {
      const runs = this.checkRuns.get(checks[1]) ?? [];
      return [200, { total_count: runs.length, check_runs: runs.map((r, i) => ({ id: i + 1, ...r })) }];
    }
    return [404, { message: 'Not Found' }];
  }
}

/** GitHub's rules for an App JWT: RS256 signed by the App's key, issued by the App, not expired. */
function validAppJwt(authorization: string | undefined, app: FakeGithubApp): boolean {
  const jwt = /^Bearer ([\w-]+)\.([\w-]+)\.([\w-]+)$/.exec(authorization ?? '');
  if (!jwt) return false;
  const [, header, payload, signature] = jwt as unknown as [string, string, string, string];
  const signed = verify('sha256', Buffer.from(`${header}.${payload}`), app.publicKey, Buffer.from(signature, 'base64url')); // prettier-ignore
  const head = JSON.parse(Buffer.from(header, 'base64url').toString()) as { alg?: string };
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as { iss?: string; iat?: number; exp?: number }; // prettier-ignore
  const now = Date.now() / 1000;
  return signed && head.alg === 'RS256' && claims.iss === String(app.appId) && (claims.iat ?? Infinity) <= now && (claims.exp ?? 0) > now && (claims.exp ?? 0) - (claims.iat ?? 0) <= 600; // prettier-ignore
}

function pullJson(pull: PullRequest, base: string) {
  return {
    number: pull.number,
    html_url: `${base}/pull/${pull.number}`,
    state: pull.state,
    title: pull.title,
    body: pull.body,
    head: { ref: pull.head },
    base: { ref: pull.base },
  };
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text === '' ? null : (JSON.parse(text) as unknown);
}
