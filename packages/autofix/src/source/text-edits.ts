/** Replace `text[start, end)` with `replacement`; edits never overlap. */
export interface TextEdit {
  start: number;
  end: number;
  replacement: string;
}

/**
 * Applies edits to the original text, back to front so offsets stay valid. Fixers edit only the spans
 * they mean to change, which keeps the file's formatting and makes the smallest diff.
 */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start);
  let out = text;
  let previousStart = Number.POSITIVE_INFINITY;
  for (const edit of sorted) {
    if (edit.end > previousStart) throw new Error('overlapping text edits');
    out = out.slice(0, edit.start) + edit.replacement + out.slice(edit.end);
    previousStart = edit.start;
  }
  return out;
}
