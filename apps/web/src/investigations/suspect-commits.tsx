import type { Investigation } from '../api/types.ts';
import { RelativeTime } from '../ui/relative-time.tsx';

export function SuspectCommits({ commits }: { commits: Investigation['suspectCommits'] }) {
  if (commits.length === 0) return <p className="text-[13px] text-subtle">No suspect commits.</p>;
  return (
    <ul className="flex flex-col gap-2">
      {commits.map((commit) => (
        <li key={commit.sha} className="text-[13px]">
          <span className="font-mono text-[12px]">
            {commit.url ? (
              <a
                href={commit.url}
                target="_blank"
                rel="noreferrer"
                className="text-accent-text hover:underline"
              >
                {commit.sha.slice(0, 8)}
              </a>
            ) : (
              commit.sha.slice(0, 8)
            )}
          </span>{' '}
          <span>{commit.message.split('\n')[0]}</span>
          <span className="block text-xs text-subtle">
            {commit.author} · <RelativeTime date={commit.date} />
          </span>
        </li>
      ))}
    </ul>
  );
}
