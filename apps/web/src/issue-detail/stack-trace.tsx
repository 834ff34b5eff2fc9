import { FrameRow } from './frame-row.tsx';
import { groupFrames } from './normalize-frame.ts';
import type { Frame } from './normalize-frame.ts';
import { SystemFramesGroup } from './system-frames-group.tsx';

/** Frames newest first; in-app frames highlighted, the first one open; system frames folded. */
export function StackTrace({ frames, platform }: { frames: Frame[]; platform?: string }) {
  const groups = groupFrames(frames);
  const firstApp = groups.find((g) => g.kind === 'app');
  return (
    <ol aria-label="Stack trace" className="overflow-hidden rounded-md border border-line">
      {groups.map((group) =>
        group.kind === 'app' ? (
          <FrameRow
            key={group.index}
            frame={group.frame}
            platform={platform}
            defaultOpen={group === firstApp}
          />
        ) : (
          <SystemFramesGroup
            key={`sys-${group.frames[0]?.index}`}
            frames={group.frames}
            platform={platform}
          />
        ),
      )}
    </ol>
  );
}
