export interface DiffLine {
  type: 'add' | 'del' | 'context';
  oldNo: number | null;
  newNo: number | null;
  text: string;
}

export interface DiffHunk {
  header: string;
  lines: DiffLine[];
}

export interface DiffFile {
  oldPath: string | null;
  newPath: string | null;
  hunks: DiffHunk[];
  additions: number;
  deletions: number;
}

const HUNK = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@(.*)$/;

function stripPrefix(path: string): string | null {
  if (path === '/dev/null') return null;
  return path.replace(/^[ab]\//, '').replace(/\t.*$/, '');
}

/** Parses a git-style unified diff into files, hunks and numbered lines. */
export function parseUnifiedDiff(diff: string): DiffFile[] {
  const files: DiffFile[] = [];
  let file: DiffFile | null = null;
  let hunk: DiffHunk | null = null;
  let oldNo = 0;
  let newNo = 0;
  const startFile = () => {
    file = { oldPath: null, newPath: null, hunks: [], additions: 0, deletions: 0 };
    files.push(file);
    hunk = null;
    return file;
  };
  for (const line of diff.replace(/\r\n/g, '\n').split('\n')) {
    if (line.startsWith('diff --git ')) {
      const current = startFile();
      const match = /^diff --git a\/(.+) b\/(.+)$/.exec(line);
      current.oldPath = match?.[1] ?? null;
      current.newPath = match?.[2] ?? null;
    } else if (line.startsWith('--- ') && hunk === null) {
      const current = file ?? startFile();
      current.oldPath = stripPrefix(line.slice(4));
    } else if (line.startsWith('+++ ') && hunk === null) {
      const current = file ?? startFile();
      current.newPath = stripPrefix(line.slice(4));
    } else if (HUNK.test(line)) {
      const match = HUNK.exec(line);
      const current: DiffFile = file ?? startFile();
      oldNo = Number(match?.[1] ?? 0);
      newNo = Number(match?.[2] ?? 0);
      hunk = { header: line, lines: [] };
      current.hunks.push(hunk);
    } else if (hunk !== null && file !== null) {
      const current: DiffFile = file;
      const open: DiffHunk = hunk;
      if (line.startsWith('+')) {
        open.lines.push({ type: 'add', oldNo: null, newNo: newNo++, text: line.slice(1) });
        current.additions++;
      } else if (line.startsWith('-')) {
        open.lines.push({ type: 'del', oldNo: oldNo++, newNo: null, text: line.slice(1) });
        current.deletions++;
      } else if (line.startsWith(' ')) {
        open.lines.push({ type: 'context', oldNo: oldNo++, newNo: newNo++, text: line.slice(1) });
      } else if (line.startsWith('diff ') || line.startsWith('index ')) {
        hunk = null;
      }
    }
  }
  return files;
}
