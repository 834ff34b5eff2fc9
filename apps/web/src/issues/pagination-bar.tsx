import { ChevronLeft, ChevronRight } from 'lucide-react';
import { Button } from '../ui/button.tsx';

export function PaginationBar({
  shown,
  hits,
  offset,
  previous,
  next,
  onPage,
}: {
  shown: number;
  hits: number | null;
  offset: number;
  previous: string | null;
  next: string | null;
  onPage: (cursor: string) => void;
}) {
  const range = shown === 0 ? '0' : `${offset + 1}–${offset + shown}`;
  return (
    <nav aria-label="Pagination" className="flex items-center justify-between px-4 py-2.5 text-xs text-muted">
      <span className="tabular-nums">
        {range}
        {hits !== null && <> of {hits.toLocaleString()}</>}
      </span>
      <span className="flex gap-1.5">
        <Button
          size="sm"
          icon={<ChevronLeft size={14} />}
          disabled={!previous}
          onClick={() => previous && onPage(previous)}
        >
          Previous
        </Button>
        <Button size="sm" disabled={!next} onClick={() => next && onPage(next)}>
          Next <ChevronRight size={14} aria-hidden />
        </Button>
      </span>
    </nav>
  );
}
