import { useState } from 'react';
import { ChevronsUpDown } from 'lucide-react';
import { FrameRow } from './frame-row.tsx';
import type { Frame } from './normalize-frame.ts';

/** A run of library/runtime frames, folded to one line until asked for. */
export function SystemFramesGroup({
  frames,
  platform,
}: {
  frames: { frame: Frame; index: number }[];
  platform?: string;
}) {
  const [open, setOpen] = useState(false);
  if (open) {
    return (
      <>
        {frames.map(({ frame, index }) => (
          <FrameRow key={index} frame={frame} platform={platform} defaultOpen={false} />
        ))}
      </>
    );
  }
  return (
    <li className="border-b border-line last:border-b-0">
      <button
        type="button"
        aria-expanded={false}
        onClick={() => setOpen(true)}
        className="flex w-full items-center gap-2 bg-raised/50 px-3 py-1.5 text-left text-xs text-muted hover:bg-hover hover:text-fg"
      >
        <ChevronsUpDown size={13} aria-hidden />
        Show {frames.length} system {frames.length === 1 ? 'frame' : 'frames'}
      </button>
    </li>
  );
}
