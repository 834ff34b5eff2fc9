import { useState } from 'react';
import type { ExceptionValueJson } from '../api/types.ts';
import { Badge } from '../ui/badge.tsx';
import { SegmentedControl } from '../ui/segmented-control.tsx';
import { normalizeFrame } from './normalize-frame.ts';
import { RawStackTrace } from './raw-stack-trace.tsx';
import { rawStackTraceText } from './raw-stack-trace-text.ts';
import { StackTrace } from './stack-trace.tsx';

type View = 'symbolicated' | 'raw';

/** One exception: type, message, mechanism, and its stack trace (symbolicated frames or raw text). */
export function ExceptionView({ exception, platform }: { exception: ExceptionValueJson; platform?: string }) {
  const [view, setView] = useState<View>('symbolicated');
  const frames = (exception.stacktrace?.frames ?? []).map(normalizeFrame);
  const rawSource = exception.rawStacktrace ?? exception.raw_stacktrace ?? exception.stacktrace;
  const rawFrames = (rawSource?.frames ?? []).map(normalizeFrame);
  const type = exception.type ?? 'Error';
  const handled = exception.mechanism?.handled;
  return (
    <div className="flex flex-col gap-2.5">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h3 className="font-mono text-[13px] font-semibold text-fg">{type}</h3>
          {exception.value && (
            <p className="mt-0.5 text-[13px] break-words whitespace-pre-wrap text-muted">{exception.value}</p>
          )}
        </div>
        <div className="flex items-center gap-2">
          {exception.mechanism?.type && <Badge>mechanism: {exception.mechanism.type}</Badge>}
          {handled !== undefined && (
            <Badge tone={handled ? 'neutral' : 'danger'}>{handled ? 'handled' : 'unhandled'}</Badge>
          )}
          {frames.length > 0 && (
            <SegmentedControl<View>
              label="Stack trace view"
              value={view}
              onChange={setView}
              options={[
                { value: 'symbolicated', label: 'Symbolicated' },
                { value: 'raw', label: 'Raw' },
              ]}
            />
          )}
        </div>
      </div>
      {frames.length === 0 ? (
        <p className="text-[13px] text-subtle">No stack trace was sent with this exception.</p>
      ) : view === 'symbolicated' ? (
        <StackTrace frames={frames} platform={platform} />
      ) : (
        <RawStackTrace text={rawStackTraceText(type, exception.value ?? '', rawFrames, platform)} />
      )}
    </div>
  );
}
