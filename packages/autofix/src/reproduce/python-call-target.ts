import type { CapturedError } from '../event/captured-error.ts';
import type { FramePathMapper } from '../event/frame-path-mapper.ts';
import type { RepoSnapshot } from '../source/repo-snapshot.ts';
import { moduleLevelSignature, type PythonParameterKind } from './python-signature.ts';

export interface PythonCallTarget {
  /** Dotted module path, as the frame reported it or derived from the repository path. */
  module: string;
  path: string;
  functionName: string;
  async: boolean;
  /** Each parameter's captured value (sentry-python's repr-encoded `vars`) and how it is passed. */
  args: Array<{ name: string; kind: PythonParameterKind; value: unknown; known: boolean }>;
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
    const signature = moduleLevelSignature(text, frame.function);
    if (signature === null) continue;
    const vars = frame.vars;
    const args = signature.parameters.map(({ name, kind }) => ({ name, kind, value: vars[name], known: name in vars })); // prettier-ignore
    const module = importableModule(frame.module, path, root);
    return { module, path, functionName: frame.function, async: signature.async, args };
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
