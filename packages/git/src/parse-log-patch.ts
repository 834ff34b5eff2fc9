import type { ChangedFile, DiffHunk, GitCommit } from '@fixloop/core';

export const COMMIT_MARKER = '\x1e';
const FIELD = '\x1f';

/** The `--format` that parseLogPatch reads: one marker-led header line per commit, then its patch. */
export const LOG_FORMAT = `--format=${COMMIT_MARKER}%H${FIELD}%P${FIELD}%an${FIELD}%ae${FIELD}%at${FIELD}%cn${FIELD}%ce${FIELD}%ct${FIELD}%s`;

/** A marker only counts at the start of a line: diff lines always start with a diff prefix. */
// eslint-disable-next-line no-control-regex -- the record separator is the marker git prints
const COMMIT_START = /(?:^|\n)\x1e/;
const HUNK = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/** Parses `git log -p --unified=0` output in LOG_FORMAT into commits with their changed line ranges. */
export function parseLogPatch(output: string): GitCommit[] {
  const commits: GitCommit[] = [];
  for (const chunk of output.split(COMMIT_START)) {
    if (chunk.trim() === '') continue;
    const newline = chunk.indexOf('\n');
    const header = newline === -1 ? chunk : chunk.slice(0, newline);
    const commit = parseHeader(header);
    if (commit === null) continue;
    commit.files = parseFiles(newline === -1 ? [] : chunk.slice(newline + 1).split('\n'));
    commits.push(commit);
  }
  return commits;
}

function parseHeader(header: string): GitCommit | null {
  const [sha, parents, an, ae, at, cn, ce, ct, ...subject] = header.split(FIELD);
  if (!sha) return null;
  return {
    sha,
    parents: parents ? parents.split(' ').filter(Boolean) : [],
    author: { name: an ?? '', email: ae ?? '' },
    authorTime: new Date(Number(at) * 1000),
    committer: { name: cn ?? '', email: ce ?? '' },
    committerTime: new Date(Number(ct) * 1000),
    summary: subject.join(FIELD),
    files: [],
  };
}

function parseFiles(lines: string[]): ChangedFile[] {
  const files: ChangedFile[] = [];
  let file: ChangedFile | null = null;
  for (const line of lines) {
    if (line.startsWith('diff --git ')) {
      file = { path: pathFromDiffHeader(line), status: 'modified', hunks: [] };
      files.push(file);
    } else if (file !== null) {
      readFileLine(file, line);
    }
  }
  return files;
}

function readFileLine(file: ChangedFile, line: string): void {
  const hunk = HUNK.exec(line);
  if (hunk) {
    file.hunks.push(toHunk(hunk));
  } else if (line.startsWith('new file mode')) {
    file.status = 'added';
  } else if (line.startsWith('deleted file mode')) {
    file.status = 'deleted';
  } else if (line.startsWith('rename from ')) {
    file.previousPath = unquote(line.slice('rename from '.length));
    file.status = 'renamed';
  } else if (line.startsWith('rename to ')) {
    file.path = unquote(line.slice('rename to '.length));
  } else if (line.startsWith('+++ ') && line !== '+++ /dev/null') {
    file.path = unquote(diffPath(line)).replace(/^b\//, '');
  } else if (line.startsWith('--- ') && line !== '--- /dev/null' && file.status === 'deleted') {
    file.path = unquote(diffPath(line)).replace(/^a\//, '');
  }
}

/** Git ends `---`/`+++` names that contain spaces with a tab, so the name's end is unambiguous. */
function diffPath(line: string): string {
  return line.slice(4).replace(/\t$/, '');
}

function toHunk(match: RegExpExecArray): DiffHunk {
  return {
    oldStart: Number(match[1]),
    oldLines: match[2] === undefined ? 1 : Number(match[2]),
    newStart: Number(match[3]),
    newLines: match[4] === undefined ? 1 : Number(match[4]),
  };
}

/** `diff --git a/x b/x`: exact for unquoted names without " b/"; `+++`/rename lines correct it later. */
function pathFromDiffHeader(line: string): string {
  const rest = line.slice('diff --git '.length);
  if (rest.startsWith('"')) return unquote(rest.slice(rest.lastIndexOf(' "') + 1)).replace(/^b\//, '');
  const split = rest.lastIndexOf(' b/');
  return split === -1 ? rest : rest.slice(split + 3);
}

/** Git C-quotes unusual paths ("a\tb", octal UTF-8 bytes); this undoes it. */
function unquote(path: string): string {
  if (!path.startsWith('"') || !path.endsWith('"')) return path;
  const body = path.slice(1, -1);
  const bytes: number[] = [];
  const escapes: Record<string, number> = { n: 10, t: 9, r: 13, '"': 34, '\\': 92, a: 7, b: 8, f: 12, v: 11 };
  for (let i = 0; i < body.length; i++) {
    const ch = body[i] ?? '';
    if (ch !== '\\') {
      bytes.push(...Buffer.from(ch));
      continue;
    }
    const octal = /^[0-7]{3}/.exec(body.slice(i + 1));
    if (octal) {
      bytes.push(parseInt(octal[0], 8));
      i += 3;
    } else bytes.push(escapes[body[++i] ?? ''] ?? 92);
  }
  return Buffer.from(bytes).toString('utf8');
}
