// @vitest-environment happy-dom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import '../testing/render-with-providers.tsx';
import { SearchBox } from './search-box.tsx';

describe('SearchBox', () => {
  it('submits the typed Sentry query on Enter', async () => {
    const onSubmit = vi.fn();
    render(<SearchBox value="" onSubmit={onSubmit} />);
    const box = screen.getByRole('combobox', { name: 'Search issues' });
    await userEvent.type(box, 'error.type:TypeError checkout{Enter}');
    expect(onSubmit).toHaveBeenCalledWith('error.type:TypeError checkout');
  });

  it('suggests keys, then that key’s values, and completes them with the keyboard', async () => {
    const onSubmit = vi.fn();
    render(<SearchBox value="is:unresolved " onSubmit={onSubmit} />);
    const box = screen.getByRole('combobox');
    await userEvent.click(box);
    await userEvent.keyboard('{End}sev');
    const options = screen.getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual([expect.stringContaining('severity:')]);
    await userEvent.keyboard('{ArrowDown}{Enter}');
    expect(box).toHaveProperty('value', 'is:unresolved severity:');
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual([
      'severity:blocking',
      'severity:annoying',
      'severity:warning',
      'severity:info',
    ]);
    await userEvent.keyboard('{ArrowDown}{Enter}');
    expect(box).toHaveProperty('value', 'is:unresolved severity:blocking ');
    await userEvent.keyboard('{Enter}');
    expect(onSubmit).toHaveBeenLastCalledWith('is:unresolved severity:blocking');
  });

  it('restores the applied query on Escape', async () => {
    render(<SearchBox value="is:resolved" onSubmit={vi.fn()} />);
    const box = screen.getByRole('combobox');
    await userEvent.type(box, ' typo');
    await userEvent.keyboard('{Escape}{Escape}');
    expect(box).toHaveProperty('value', 'is:resolved');
  });

  it('clears the search with the clear button', async () => {
    const onSubmit = vi.fn();
    render(<SearchBox value="is:resolved" onSubmit={onSubmit} />);
    await userEvent.click(screen.getByRole('button', { name: 'Clear search' }));
    expect(onSubmit).toHaveBeenCalledWith('');
  });
});
