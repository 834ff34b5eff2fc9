import type { CapturedFrame } from './captured-error.ts';

/** Maps a frame to the repository file it ran from, or null (node internals, dependencies, unknown). */
export type FramePathMapper = (frame: CapturedFrame) => string | null;

/**
 * The fallback mapper: the one repository file sharing the longest path suffix with the frame's path
 * (at least the file name), inside the project root. The wiring passes the investigation's CodeMapper,
 * which also knows configured code mappings and source maps.
 */
export function suffixFramePathMapper(files: readonly string[], root = ''): FramePathMapper {
  const prefix = root ? `${root.replace(/\/+$/, '')}/` : '';
  const candidates = files.filter((file) => file.startsWith(prefix) && !file.includes('node_modules/'));
  return (frame) => {
    for (const path of frame.paths) {
      const segments = runtimeSegments(path);
      if (segments.length === 0 || path.includes('node_modules/') || path.startsWith('node:')) continue;
      const best = longestSuffix(segments, candidates);
      if (best) return best;
    }
    return null;
  };
}

function runtimeSegments(path: string): string[] {
  const withoutScheme = path.replace(/^[a-z]+:\/\/\/?/i, '').replace(/[?#].*$/, '');
  return withoutScheme.split(/[\\/]/).filter((s) => s !== '' && s !== '.');
}

function longestSuffix(segments: string[], files: readonly string[]): string | null {
  let best: string | null = null;
  let bestLength = 0;
  let tie = false;
  for (const file of files) {
    const parts = file.split('/');
    let n = 0;
    while (
      n < parts.length &&
      n < segments.length &&
      parts[parts.length - 1 - n] === segments[segments.length - 1 - n]
    )
      n++;
    if (n === 0 || n < bestLength) continue;
    tie = n === bestLength;
    if (n > bestLength) [best, bestLength] = [file, n];
  }
  return tie ? null : best;
}
