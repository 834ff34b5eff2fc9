// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Dialog } from './dialog.tsx';

afterEach(cleanup);

/** A parent that re-renders on demand and passes a new inline onClose each time, as sections do. */
function Parent({ onClose }: { onClose: () => void }) {
  const [renders, setRenders] = useState(0);
  return (
    <>
      <button type="button" onClick={() => setRenders((n) => n + 1)}>
        Rerender {renders}
      </button>
      <Dialog open title="Edit" onClose={() => onClose()}>
        <input aria-label="First" />
        <input aria-label="Second" />
        <button
          type="button"
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => setRenders((n) => n + 1)}
        >
          Parent update
        </button>
      </Dialog>
    </>
  );
}

describe('Dialog', () => {
  it('focuses the first field once, not again when its parent re-renders', async () => {
    const onClose = vi.fn();
    render(<Parent onClose={onClose} />);
    expect(document.activeElement).toBe(screen.getByLabelText('First'));
    await userEvent.click(screen.getByLabelText('Second'));
    screen.getByRole('button', { name: 'Parent update' }).click();
    await screen.findByRole('button', { name: 'Rerender 1' });
    expect(document.activeElement).toBe(screen.getByLabelText('Second'));
    await userEvent.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
