import { DiffFileView } from './diff-file-view.tsx';
import { parseUnifiedDiff } from './parse-unified-diff.ts';

/** An inline unified diff, file by file. */
export function DiffViewer({ diff }: { diff: string }) {
  const files = parseUnifiedDiff(diff);
  if (files.length === 0) return <p className="text-[13px] text-subtle">This fix has no code changes.</p>;
  return (
    <div className="flex flex-col gap-3">
      {files.map((file, index) => (
        <DiffFileView key={`${file.newPath ?? file.oldPath}-${index}`} file={file} />
      ))}
    </div>
  );
}
