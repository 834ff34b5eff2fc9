import type { Investigation } from '../api/types.ts';

export function LikelyCauses({ causes }: { causes: Investigation['likelyCauses'] }) {
  if (causes.length === 0) return <p className="text-[13px] text-subtle">No likely cause was identified.</p>;
  return (
    <ol className="flex flex-col gap-3">
      {causes.map((cause, index) => {
        const percent = cause.confidence === null ? null : Math.round(cause.confidence * 100);
        return (
          <li key={index} className="rounded-md border border-line p-3">
            <div className="flex items-center justify-between gap-3">
              <h3 className="text-[13px] font-semibold">{cause.title}</h3>
              {percent !== null && (
                <span className="flex items-center gap-2 text-xs text-muted" title="Confidence">
                  <span aria-hidden className="h-1.5 w-20 overflow-hidden rounded-full bg-raised">
                    <span className="block h-full rounded-full bg-accent" style={{ width: `${percent}%` }} />
                  </span>
                  {percent}%
                </span>
              )}
            </div>
            {cause.explanation && (
              <p className="mt-1 text-[13px] whitespace-pre-wrap text-muted">{cause.explanation}</p>
            )}
          </li>
        );
      })}
    </ol>
  );
}
