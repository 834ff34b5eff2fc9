// @vitest-environment happy-dom
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import '../testing/render-with-providers.tsx';
import { DiffViewer } from './diff-viewer.tsx';

const DIFF = `diff --git a/src/cart.ts b/src/cart.ts
--- a/src/cart.ts
+++ b/src/cart.ts
@@ -1,3 +1,3 @@
 const rate = 0.2;
-const total = price * rate;
+const total = (price ?? 0) * rate;
 export { total };
`;

describe('DiffViewer', () => {
  it('shows each file with its +/- counts and the lines marked added, removed or context', () => {
    const { container } = render(<DiffViewer diff={DIFF} />);
    const file = screen.getByRole('region', { name: 'Changes to src/cart.ts' });
    expect(within(file).getByText('+1')).toBeTruthy();
    expect(within(file).getByText('−1')).toBeTruthy();
    const rows = [...container.querySelectorAll('[data-diff]')];
    expect(rows.map((row) => row.getAttribute('data-diff'))).toEqual(['context', 'del', 'add', 'context']);
    expect(rows[1]?.textContent).toContain('-const total = price * rate;');
    expect(rows[2]?.textContent).toContain('+const total = (price ?? 0) * rate;');
    expect(within(rows[2] as HTMLElement).getByLabelText('added')).toBeTruthy();
  });

  it('syntax-highlights the code (keywords are their own tokens)', () => {
    const { container } = render(<DiffViewer diff={DIFF} />);
    const keywords = [...container.querySelectorAll('.token.keyword')].map((node) => node.textContent);
    expect(keywords).toContain('const');
    expect(keywords).toContain('export');
  });

  it('says so when there is nothing to show', () => {
    render(<DiffViewer diff="" />);
    expect(screen.getByText('This fix has no code changes.')).toBeTruthy();
  });
});
