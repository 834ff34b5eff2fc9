import { BookOpen } from 'lucide-react';
import type { Investigation } from '../api/types.ts';

export function MatchedRunbooks({ runbooks }: { runbooks: Investigation['runbooks'] }) {
  if (runbooks.length === 0) return <p className="text-[13px] text-subtle">No runbook matched.</p>;
  return (
    <ul className="flex flex-col gap-2">
      {runbooks.map((runbook) => (
        <li key={runbook.title} className="flex items-start gap-2 text-[13px]">
          <BookOpen size={14} aria-hidden className="mt-0.5 shrink-0 text-subtle" />
          <span>
            {runbook.url ? (
              <a
                href={runbook.url}
                target="_blank"
                rel="noreferrer"
                className="text-accent-text hover:underline"
              >
                {runbook.title}
              </a>
            ) : (
              runbook.title
            )}
            {runbook.excerpt && <span className="block text-xs text-subtle">{runbook.excerpt}</span>}
          </span>
        </li>
      ))}
    </ul>
  );
}
