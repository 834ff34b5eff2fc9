// @vitest-environment happy-dom
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FIX_STATUSES } from '../api/types.ts';
import '../testing/render-with-providers.tsx';
import { FIX_STATUS_STYLE, FixStatusBadge } from './fix-status-badge.tsx';

describe('FixStatusBadge', () => {
  it('has a distinct label for every fix status', () => {
    const labels = FIX_STATUSES.map((status) => FIX_STATUS_STYLE[status].label);
    expect(new Set(labels).size).toBe(FIX_STATUSES.length);
  });

  it.each([
    ['tests_passed', 'Tests passed', 'text-ok'],
    ['tests_failed', 'Tests failed', 'text-danger'],
    ['awaiting_approval', 'Awaiting approval', 'text-warn'],
    ['rolled_back', 'Rolled back', 'text-muted'],
  ] as const)('renders %s as "%s" in its tone', (status, label, tone) => {
    render(<FixStatusBadge status={status} />);
    expect(screen.getByText(label).className).toContain(tone);
  });
});
