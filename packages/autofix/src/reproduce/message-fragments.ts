const PATH_LIKE = /^(?:[a-z]+:\/\/\/?)?[\w@.~-]*[\\/][^\s]*$/i;

/**
 * Pieces of an error message that any test framework prints verbatim when the same error happens again:
 * the first line split at quotes, with paths reduced to their file names (the verification worktree is
 * not where the event happened). Quoting and escaping differ between frameworks; the pieces do not.
 */
export function messageFragments(message: string): string[] {
  const firstLine = message.split('\n')[0] ?? '';
  const pieces = firstLine.split(/['"`]/).flatMap((piece) => piece.split(/\s+(?=\S*[\\/])|(?<=[\\/]\S*)\s+/));
  const fragments = pieces
    .map((piece) => piece.trim())
    .map((piece) => (PATH_LIKE.test(piece) ? basename(piece) : piece))
    .filter((piece) => piece.length >= 3);
  return [...new Set(fragments)].slice(0, 6);
}

function basename(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).pop() ?? path;
}
