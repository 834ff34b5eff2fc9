import ts from 'typescript';
import type { CapturedRequest } from '../event/captured-error.ts';
import { moduleExports, type ModuleExport } from '../source/module-exports.ts';
import { argumentsFromVars, type InferredArguments } from './arguments-from-vars.ts';
import type { FrameSite } from './frame-sites.ts';
import { inferOuterArguments } from './infer-call.ts';
import { CodeSnippet } from './js-literal.ts';

/** The exported function a reproduction calls, and how. */
export interface CallTarget {
  kind: 'call';
  path: string;
  exported: ModuleExport;
  async: boolean;
  args: unknown[];
  /** How the arguments were obtained, for the test's comment. */
  evidence:
    | 'its captured arguments'
    | "arguments inferred from an inner frame's captured variables"
    | 'the request data';
}

const RES_STUB = new CodeSnippet(
  '{ statusCode: 200, status(code) { this.statusCode = code; return this; }, json() { return this; }, send() { return this; }, end() { return this; }, set() { return this; }, setHeader() { return this; } }',
);

/**
 * The nearest exported function on the stack whose arguments are known: from its own captured
 * variables, or inferred from an inner frame's (through `Array.map` and friends). Falls back to an
 * exported HTTP handler `(req, res)` called with the event's request data.
 */
export function findCallTarget(
  sites: readonly FrameSite[],
  request: CapturedRequest | null,
): CallTarget | null {
  let inner: { site: FrameSite; args: InferredArguments } | null = null;
  for (const site of sites) {
    if (!site.path || !site.fn || !site.source) continue;
    const args: InferredArguments | null = site.frame.vars
      ? argumentsFromVars(site.fn, site.frame.vars)
      : inner
        ? inferOuterArguments(site, inner.site, inner.args)
        : null;
    if (!args) {
      inner = null;
      continue;
    }
    const exported = exportOf(site);
    if (exported && (site.fn.parameters.length === 0 || args.known.some(Boolean))) {
      const evidence = site.frame.vars
        ? 'its captured arguments'
        : "arguments inferred from an inner frame's captured variables";
      return { kind: 'call', path: site.path, exported, async: isAsync(site), args: args.values, evidence };
    }
    inner = { site, args };
  }
  return request ? httpHandlerTarget(sites, request) : null;
}

function httpHandlerTarget(sites: readonly FrameSite[], request: CapturedRequest): CallTarget | null {
  for (const site of sites) {
    if (!site.path || !site.fn) continue;
    const first = site.fn.parameters[0]?.name;
    const exported = exportOf(site);
    if (!exported || !first || !ts.isIdentifier(first) || !/^req(uest)?$/i.test(first.text)) continue;
    const req = {
      method: request.method ?? 'GET',
      url: request.url ? new URL(request.url, 'http://localhost').pathname : '/',
      headers: request.headers,
      query: request.query,
      params: {},
      body: request.data ?? undefined,
    };
    return {
      kind: 'call',
      path: site.path,
      exported,
      async: isAsync(site),
      args: [req, RES_STUB],
      evidence: 'the request data',
    };
  }
  return null;
}

function exportOf(site: FrameSite): ModuleExport | null {
  if (!site.source || !site.fn) return null;
  return moduleExports(site.source).find((candidate) => candidate.fn === site.fn) ?? null;
}

function isAsync(site: FrameSite): boolean {
  const modifiers = site.fn && ts.canHaveModifiers(site.fn) ? ts.getModifiers(site.fn) : undefined;
  return modifiers?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword) ?? false;
}
