import type { CapturedError } from '../event/captured-error.ts';
import type { FramePathMapper } from '../event/frame-path-mapper.ts';
import type { FrameSite } from './frame-sites.ts';

/** A reproduction that only loads a module: the crash happens while importing it. */
export interface ImportTarget {
  kind: 'import';
  path: string;
  why: string;
}

export function isModuleNotFound(error: Pick<CapturedError, 'value'>): boolean {
  return /^Cannot find module\b/.test(error.value);
}

/** The file that imports the missing module, as node names it in the message. */
export function importingFileOf(message: string): string | null {
  const esm = /\bimported from (\S+)/.exec(message)?.[1];
  if (esm) return esm;
  return /Require stack:\s*\n-\s*(\S+)/.exec(message)?.[1] ?? null;
}

/**
 * A module that fails while loading: `ERR_MODULE_NOT_FOUND` names the importing file in its message (its
 * frames are node internals); any other crash at a module's top level is the innermost in-app frame.
 */
export function findImportTarget(
  error: CapturedError,
  sites: readonly FrameSite[],
  mapPath: FramePathMapper,
): ImportTarget | null {
  if (isModuleNotFound(error)) {
    const importer = importingFileOf(error.value);
    const path = importer ? mapPath({ ...emptyFrame, paths: [importer.replace(/^file:\/\//, '')] }) : null;
    if (path) return { kind: 'import', path, why: `${path} imports a module that cannot be found` };
  }
  const innermost = sites.find((site) => site.path !== null && site.source !== null);
  if (innermost?.path && innermost.fn === null && innermost.offset !== null) {
    return { kind: 'import', path: innermost.path, why: `${innermost.path} fails at module level` };
  }
  return null;
}

const emptyFrame = {
  function: null,
  module: null,
  paths: [],
  lineno: null,
  colno: null,
  inApp: true,
  vars: null,
};
