import { History } from 'lucide-react';
import { EmptyState } from '../ui/empty-state.tsx';
import { countByLayer, extraLayers, filterTimeline, TIMELINE_LAYERS } from './filter-timeline.ts';
import type { TimelineItem } from './timeline-item.ts';
import { TimelineLayerFilter } from './timeline-layer-filter.tsx';
import { TimelineRow } from './timeline-row.tsx';
import { useTimelineLayers } from './use-timeline-layers.ts';

/**
 * Everything that led to the error in one chronological list: user actions, network exchanges, frontend
 * and backend logs; the error itself marked in place. Filterable by layer.
 */
export function EventTimeline({ items }: { items: TimelineItem[] }) {
  const [selected, toggle] = useTimelineLayers();
  const visible = filterTimeline(items, selected);
  const errorTime = items.find((i) => i.isError)?.time ?? null;
  if (items.length === 0) {
    return (
      <EmptyState icon={<History size={18} />} title="No timeline for this event">
        Breadcrumbs and FULL_EVENT_TIMELINE_V1 attachments sent with an event show up here.
      </EmptyState>
    );
  }
  return (
    <div className="flex flex-col gap-3">
      <TimelineLayerFilter
        layers={[...TIMELINE_LAYERS, ...extraLayers(items)]}
        counts={countByLayer(items)}
        selected={selected}
        onToggle={toggle}
        total={items.length}
      />
      <ol aria-label="Event timeline" className="overflow-hidden rounded-md border border-line">
        {visible.map((item) => (
          <TimelineRow key={item.id} item={item} errorTime={errorTime} />
        ))}
      </ol>
    </div>
  );
}
