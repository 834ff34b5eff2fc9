import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, dirname } from 'node:path';

/** The HTTP Basic `Authorization` header for a username and password. */
export function basicAuthorization(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}

/**
 * A real smart-HTTP git server for tests: `git http-backend` as CGI behind HTTP Basic auth. Bare
 * repositories are served under paths chosen by the test (`serve('/acme/shop.git', dir)`), and every
 * request's Authorization header is recorded, so tests can see which credentials git sent.
 */
export class GitHttpTestServer {
  /** The Authorization header of every request, in order ('' when git sent none). */
  readonly authorizations: string[] = [];
  private readonly repositories = new Map<string, string>();
  private readonly server: Server;

  /** `authorize` decides on each request's Authorization header; a refusal answers 401 like GitHub. */
  constructor(private readonly authorize: (authorization: string) => boolean) {
    this.server = createServer((req, res) => this.handle(req, res));
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Serves the bare repository `gitDir` at `path` (which starts with a slash); returns its URL. */
  serve(path: string, gitDir: string): string {
    this.repositories.set(path, gitDir);
    return this.url + path;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const authorization = req.headers.authorization ?? '';
    this.authorizations.push(authorization);
    if (!this.authorize(authorization)) {
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="git"' }).end('denied');
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    const served = [...this.repositories].find(([path]) => url.pathname.startsWith(`${path}/`));
    if (served === undefined) {
      res.writeHead(404).end('no such repository');
      return;
    }
    const [path, gitDir] = served;
    const cgi = spawn('git', ['http-backend'], {
      env: {
        PATH: '/usr/local/bin:/usr/bin:/bin',
        GIT_PROJECT_ROOT: dirname(gitDir),
        GIT_HTTP_EXPORT_ALL: '1',
        // http-backend accepts pushes only from an authenticated user.
        REMOTE_USER: 'x-access-token',
        REQUEST_METHOD: req.method ?? 'GET',
        PATH_INFO: `/${basename(gitDir)}${url.pathname.slice(path.length)}`,
        QUERY_STRING: url.search.slice(1),
        CONTENT_TYPE: req.headers['content-type'] ?? '',
      },
    });
    req.pipe(cgi.stdin);
    const chunks: Buffer[] = [];
    cgi.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    cgi.on('close', () => respondWithCgiOutput(res, Buffer.concat(chunks)));
  }
}

/** Turns a CGI answer (headers, a blank line, the body) into the HTTP response. */
function respondWithCgiOutput(res: ServerResponse, output: Buffer): void {
  const split = output.indexOf('\r\n\r\n');
  const headers = output.subarray(0, split).toString().split('\r\n');
  const status = Number(/^Status: (\d+)/m.exec(headers.join('\n'))?.[1] ?? 200);
  for (const header of headers) {
    const [key, ...value] = header.split(': ');
    if (key && key !== 'Status') res.setHeader(key, value.join(': '));
  }
  res.writeHead(status).end(output.subarray(split + 4));
}
