import type { CapturedError } from '../event/captured-error.ts';
import type { FramePathMapper } from '../event/frame-path-mapper.ts';
import type { RepoSnapshot } from '../source/repo-snapshot.ts';

export interface PythonCallTarget {
  /** Dotted module path, as the frame reported it or derived from the repository path. */
  module: string;
  path: string;
  functionName: string;
  /** Python source of each argument, from sentry-python's repr-encoded `vars`. */
  args: Array<{ name: string; value: unknown; known: boolean }>;
}

/**
 * The innermost frame with captured variables whose function is defined at module level (importable):
 * Python frames carry `vars` for every frame, so no inference through outer frames is needed.
 */
export async function findPythonCallTarget(
  error: CapturedError,
  repo: RepoSnapshot,
  mapPath: FramePathMapper,
  root = '',
): Promise<PythonCallTarget | null> {
  for (const frame of error.frames) {
    const path = frame.inApp === false || !frame.vars || !frame.function ? null : mapPath(frame);
    const text = path?.endsWith('.py') ? await repo.readText(path) : null;
    if (!path || text === null || !frame.vars || !frame.function) continue;
    const parameters = moduleLevelParameters(text, frame.function);
    if (parameters === null) continue;
    const vars = frame.vars;
    const args = parameters.map((name) => ({ name, value: vars[name], known: name in vars }));
    return { module: importableModule(frame.module, path, root), path, functionName: frame.function, args };
  }
  return null;
}

/**
 * The module to import: the frame's, unless it ran as a script (`__main__`, which the test process is
 * not); then the file's path below the project root, where pytest runs.
 */
function importableModule(reported: string | null, path: string, root: string): string {
  if (reported && reported !== '__main__') return reported;
  const prefix = root ? `${root.replace(/\/+$/, '')}/` : '';
  const relative = path.startsWith(prefix) ? path.slice(prefix.length) : path;
  return relative
    .replace(/\.py$/, '')
    .replace(/\/__init__$/, '')
    .replace(/\//g, '.');
}

/** The parameter names of a top-level `def name(…)`, without self/cls, *args and **kwargs; null if none. */
export function moduleLevelParameters(text: string, name: string): string[] | null {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const start = new RegExp(`^(?:async\\s+)?def\\s+${escaped}\\s*\\(`, 'm').exec(text);
  if (!start) return null;
  let depth = 1;
  let index = start.index + start[0].length;
  const open = index;
  while (index < text.length && depth > 0) {
    const ch = text[index++];
    if (ch === '(' || ch === '[' || ch === '{') depth++;
    if (ch === ')' || ch === ']' || ch === '}') depth--;
  }
  return splitTopLevel(text.slice(open, index - 1))
    .map((part) => part.split(/[:=]/)[0]?.trim() ?? '')
    .filter((part) => part !== '' && part !== '/' && part !== '*' && !part.startsWith('*'))
    .filter((part) => part !== 'self' && part !== 'cls');
}

function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if ('([{'.includes(ch)) depth++;
    if (')]}'.includes(ch)) depth--;
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  return [...parts, current];
}
