import { classNames } from '../ui/class-names.ts';
import { layerStyle } from './layer-style.ts';

/** Toggle chips, one per layer, with counts; "All" clears the filter. */
export function TimelineLayerFilter({
  layers,
  counts,
  selected,
  onToggle,
  total,
}: {
  layers: string[];
  counts: Record<string, number>;
  selected: ReadonlySet<string>;
  onToggle: (layer: string | null) => void;
  total: number;
}) {
  const chip = (active: boolean) =>
    classNames(
      'inline-flex h-7 items-center gap-1.5 rounded-full border px-2.5 text-xs font-medium transition-colors',
      active
        ? 'border-accent/50 bg-accent-soft text-accent-text'
        : 'border-line-strong text-muted hover:bg-hover hover:text-fg',
    );
  return (
    <div role="group" aria-label="Filter timeline by layer" className="flex flex-wrap items-center gap-1.5">
      <button
        type="button"
        aria-pressed={selected.size === 0}
        onClick={() => onToggle(null)}
        className={chip(selected.size === 0)}
      >
        All <span className="tabular-nums opacity-80">{total}</span>
      </button>
      {layers.map((layer) => {
        const style = layerStyle(layer);
        return (
          <button
            key={layer}
            type="button"
            aria-pressed={selected.has(layer)}
            onClick={() => onToggle(layer)}
            className={chip(selected.has(layer))}
          >
            <span aria-hidden className={classNames('size-2 rounded-full', style.dot)} />
            {style.label} <span className="tabular-nums opacity-80">{counts[layer] ?? 0}</span>
          </button>
        );
      })}
    </div>
  );
}
