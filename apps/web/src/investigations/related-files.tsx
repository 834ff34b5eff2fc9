import { FileCode2 } from 'lucide-react';
import type { Investigation } from '../api/types.ts';

export function RelatedFiles({ files }: { files: Investigation['relatedFiles'] }) {
  if (files.length === 0) return <p className="text-[13px] text-subtle">No related files.</p>;
  return (
    <ul className="flex flex-col gap-1.5">
      {files.map((file) => {
        const label = file.line ? `${file.path}:${file.line}` : file.path;
        return (
          <li key={label} className="flex items-start gap-2 text-[13px]">
            <FileCode2 size={14} aria-hidden className="mt-0.5 shrink-0 text-subtle" />
            <span className="min-w-0">
              {file.url ? (
                <a
                  href={file.url}
                  target="_blank"
                  rel="noreferrer"
                  className="font-mono text-[12.5px] text-accent-text hover:underline"
                >
                  {label}
                </a>
              ) : (
                <span className="font-mono text-[12.5px]">{label}</span>
              )}
              {file.reason && <span className="block text-xs text-subtle">{file.reason}</span>}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
