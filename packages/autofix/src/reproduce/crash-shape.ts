import type { CapturedError } from '../event/captured-error.ts';
import { aliasAccess } from './alias-access.ts';
import { callerAccess } from './caller-access.ts';
import { crashAccess, type CrashAccess, type PathKey } from './crash-access.ts';
import type { FrameSite } from './frame-sites.ts';

type Container = Record<string, unknown> | unknown[];

const isContainer = (value: unknown): value is Container => typeof value === 'object' && value !== null;

/**
 * The frames with the values the crash proves put back into their captured variables. @sentry/node
 * sends variables to a limited depth: an object inside an object is dropped, one inside an array becomes
 * null. A crash reading `x` from null at `p.a.b.x` proves `p.a` was an object and `p.a.b` null, so those
 * are rebuilt (`{ b: null }`), with nothing else in them, in the crash frame, and along consts and plain
 * calls in the frames the value came from. `rebuilt` says what was rebuilt, null when the
 * variables already had the proven shape or the crash proves nothing.
 */
export function withCrashShape(
  sites: readonly FrameSite[],
  error: CapturedError,
): { sites: FrameSite[]; rebuilt: string | null } {
  const shaped = [...sites];
  const vars = sites[0]?.frame.vars;
  const first = sites[0] && vars ? crashAccess(sites[0], error.type, error.value, vars) : null;
  let changed = false;
  let access = first;
  // A local read from the value (`const c = order.customer`) and each caller that passed the value on
  // hold it cut at the same depth: rebuild it there too.
  for (let index = 0; access && index < shaped.length; index++) {
    let site = shaped[index]!;
    for (let hops = 0; hops < 4; hops++) {
      const rebuilt = site.frame.vars ? shapeVars(site.frame.vars, access) : null;
      if (rebuilt) site = { ...site, frame: { ...site.frame, vars: rebuilt } };
      changed ||= rebuilt !== null;
      const alias = aliasAccess(site, access);
      if (!alias) break;
      access = alias;
    }
    shaped[index] = site;
    const outer = shaped[index + 1];
    access = outer ? callerAccess(outer, site, access) : null;
  }
  return { sites: shaped, rebuilt: changed && first ? describe(first, sites[0]!.frame.function) : null };
}

function describe(access: CrashAccess, fn: string | null): string {
  const path = access.path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${key}`));
  const where = fn ? ` in ${fn}()` : '';
  return `The crash proves ${access.root}${path.join('')} was ${String(access.missing)}${where} inside existing objects; the arguments rebuild those the SDK did not send.`; // prettier-ignore
}

/** The variables with `root` rebuilt along the proven path (raw encoding), null when nothing changes. */
export function shapeVars(
  vars: Readonly<Record<string, unknown>>,
  access: CrashAccess,
): Record<string, unknown> | null {
  const root: unknown = vars[access.root];
  if (!isContainer(root) || access.path.length === 0) return null;
  const copy = structuredClone(root);
  let cursor: Container = copy;
  let changed = false;
  for (const [index, key] of access.path.entries()) {
    if (index === access.path.length - 1) {
      const outcome = settleLast(cursor, key, access.missing);
      if (outcome === 'contradiction') return null;
      changed ||= outcome === 'set';
      break;
    }
    if (Array.isArray(cursor) && typeof key !== 'number') return null;
    const present = has(cursor, key);
    const value = present ? get(cursor, key) : undefined;
    const next = access.path[index + 1];
    if (isContainer(value)) {
      cursor = value;
      continue;
    }
    // Only an array's null may stand for an object the SDK could not send; an object's null was null.
    if (present && !(Array.isArray(cursor) && value === null)) return null;
    const created: Container = typeof next === 'number' ? [] : {};
    set(cursor, key, created);
    cursor = created;
    changed = true;
  }
  return changed ? { ...vars, [access.root]: copy } : null;
}

/** Puts the proven null or undefined at the end of the path, unless the captured value says otherwise. */
function settleLast(
  cursor: Container,
  key: PathKey,
  missing: null | undefined,
): 'same' | 'set' | 'contradiction' {
  const present = has(cursor, key);
  const value = present ? get(cursor, key) : undefined;
  const raw = missing === null ? null : '<undefined>';
  // An array's null may have been any value; an object's property was what it says, or undefined if absent.
  if (Array.isArray(cursor) && (!present || value === null || value === '<undefined>')) {
    if (present ? value === raw : missing === undefined) return 'same';
  } else if (present) {
    return value === null && missing === null ? 'same' : 'contradiction';
  } else if (missing === undefined) {
    return 'same';
  }
  set(cursor, key, raw);
  return 'set';
}

function has(container: Container, key: PathKey): boolean {
  return Array.isArray(container)
    ? typeof key === 'number' && key < container.length
    : Object.prototype.hasOwnProperty.call(container, key);
}

function get(container: Container, key: PathKey): unknown {
  return (container as Record<PathKey, unknown>)[key];
}

function set(container: Container, key: PathKey, value: unknown): void {
  if (Array.isArray(container) && typeof key === 'number') {
    while (container.length < key) container.push('<undefined>');
  }
  (container as Record<PathKey, unknown>)[key] = value;
}
