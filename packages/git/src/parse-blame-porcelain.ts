import type { BlameLine } from '@fixloop/core';

const HEADER = /^([0-9a-f]{40,64}) (\d+) (\d+)(?: \d+)?$/;

/** Parses `git blame --line-porcelain` output: a header, key-value lines, then the line itself after a tab. */
export function parseBlamePorcelain(output: string): BlameLine[] {
  const lines: BlameLine[] = [];
  let current: Partial<BlameLine> & { line?: number } = {};
  for (const raw of output.split('\n')) {
    if (raw.startsWith('\t')) {
      lines.push(completeBlameLine(current, raw.slice(1)));
      current = {};
      continue;
    }
    const header = HEADER.exec(raw);
    if (header) {
      current = {
        commit: header[1],
        originalLine: Number(header[2]),
        line: Number(header[3]),
        boundary: false,
      };
      continue;
    }
    readBlameField(current, raw);
  }
  return lines;
}

function readBlameField(current: Partial<BlameLine>, raw: string): void {
  const space = raw.indexOf(' ');
  const key = space === -1 ? raw : raw.slice(0, space);
  const value = space === -1 ? '' : raw.slice(space + 1);
  switch (key) {
    case 'author':
      current.author = value;
      break;
    case 'author-mail':
      current.authorEmail = value.replace(/^<|>$/g, '');
      break;
    case 'author-time':
      current.authorTime = new Date(Number(value) * 1000);
      break;
    case 'summary':
      current.summary = value;
      break;
    case 'filename':
      current.originalPath = value;
      break;
    case 'boundary':
      current.boundary = true;
      break;
  }
}

function completeBlameLine(current: Partial<BlameLine>, content: string): BlameLine {
  return {
    line: current.line ?? 0,
    commit: current.commit ?? '',
    author: current.author ?? '',
    authorEmail: current.authorEmail ?? '',
    authorTime: current.authorTime ?? new Date(0),
    summary: current.summary ?? '',
    originalLine: current.originalLine ?? 0,
    originalPath: current.originalPath ?? '',
    content,
    boundary: current.boundary ?? false,
  };
}
