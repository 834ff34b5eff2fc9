import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/** The timeline's layer filter, kept in the URL (`?layers=network,user`) so a shared link shows the same. */
export function useTimelineLayers(): [ReadonlySet<string>, (layer: string | null) => void] {
  const [search, setSearch] = useSearchParams();
  const raw = search.get('layers') ?? '';
  const layers = useMemo(() => new Set(raw.split(',').filter(Boolean)), [raw]);
  const toggle = useCallback(
    (layer: string | null) => {
      setSearch(
        (current) => {
          const next = new URLSearchParams(current);
          const set = new Set((current.get('layers') ?? '').split(',').filter(Boolean));
          if (layer === null) set.clear();
          else if (set.has(layer)) set.delete(layer);
          else set.add(layer);
          if (set.size === 0) next.delete('layers');
          else next.set('layers', [...set].join(','));
          return next;
        },
        { replace: true, preventScrollReset: true },
      );
    },
    [setSearch],
  );
  return [layers, toggle];
}
