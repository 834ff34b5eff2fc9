/* global fetch */
// A triage script the way teams write them against Sentry's or GlitchTip's Web API: plain fetch, a
// Bearer token, Sentry's paths and JSON, Link-header pagination. Nothing in it knows about Fixloop.
//
//   FIXLOOP_URL=https://errors.example.com FIXLOOP_TOKEN=fxl_… FIXLOOP_ORG=acme \
//   TRIAGE_MATCH="ResizeObserver" node glitchtip-triage-client.mjs
//
// It lists the unresolved errors seen in the last 24 hours, comments on and resolves those whose title
// contains TRIAGE_MATCH, and prints the day's event counts. Output: one JSON object per line.

const base = process.env.FIXLOOP_URL;
const token = process.env.FIXLOOP_TOKEN;
const org = process.env.FIXLOOP_ORG ?? 'default';
const match = process.env.TRIAGE_MATCH ?? '';
const pageSize = process.env.PAGE_SIZE ?? '25';

const print = (line) => process.stdout.write(`${JSON.stringify(line)}\n`);

async function api(method, path, body) {
  const response = await fetch(new URL(path, base), {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return { json: text === '' ? null : JSON.parse(text), link: response.headers.get('link') ?? '' };
}

/** Follows `rel="next"` while it says `results="true"`, as sentry-cli and GlitchTip's UI do. */
async function* paginate(path) {
  let next = path;
  while (next !== null) {
    const { json, link } = await api('GET', next);
    yield* json;
    const found = /<([^>]+)>; rel="next"; results="true"/.exec(link);
    next = found === null ? null : found[1];
  }
}

async function main() {
  const query = encodeURIComponent('is:unresolved');
  const issues = [];
  const listPath = `/api/0/organizations/${org}/issues/?query=${query}&statsPeriod=24h&limit=${pageSize}`;
  for await (const issue of paginate(listPath)) {
    const lastDay = (issue.stats?.['24h'] ?? []).reduce((sum, [, n]) => sum + n, 0);
    issues.push(issue);
    print({
      kind: 'issue',
      id: issue.id,
      shortId: issue.shortId,
      title: issue.title,
      count: issue.count,
      lastDay,
    });
  }
  for (const issue of issues) {
    if (match === '' || !issue.title.includes(match)) continue;
    // GlitchTip's own UI nests the text in `data` and resolves through the bulk endpoint.
    await api('POST', `/api/0/issues/${issue.id}/comments/`, {
      data: { text: `Triage script: known noise (matches "${match}"), resolving.` },
    });
    const { json } = await api('PUT', `/api/0/organizations/${org}/issues/?id=${issue.id}`, {
      status: 'resolved',
    });
    print({ kind: 'resolved', id: issue.id, status: json.status });
  }
  const stats = await api(
    'GET',
    `/api/0/organizations/${org}/stats_v2/?field=sum(quantity)&groupBy=outcome&category=error&statsPeriod=24h&interval=1h`,
  );
  const totals = Object.fromEntries(stats.json.groups.map((g) => [g.by.outcome, g.totals['sum(quantity)']]));
  print({ kind: 'stats', accepted: totals.accepted ?? 0, rateLimited: totals.rate_limited ?? 0 });
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exitCode = 1;
});
