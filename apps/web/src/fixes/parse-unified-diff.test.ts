import { describe, expect, it } from 'vitest';
import { parseUnifiedDiff } from './parse-unified-diff.ts';

const DIFF = `diff --git a/src/cart.ts b/src/cart.ts
index 1111111..2222222 100644
--- a/src/cart.ts
+++ b/src/cart.ts
@@ -10,4 +10,5 @@ export function applyCoupon(cart: Cart) {
   const coupon = cart.coupon;
-  return coupon.code.toUpperCase();
+  if (!coupon) return null;
+  return coupon.code.toUpperCase();
 }
diff --git a/test/cart.test.ts b/test/cart.test.ts
new file mode 100644
--- /dev/null
+++ b/test/cart.test.ts
@@ -0,0 +1,2 @@
+import { applyCoupon } from '../src/cart';
+test('no coupon', () => expect(applyCoupon({})).toBeNull());
`;

describe('parseUnifiedDiff', () => {
  const files = parseUnifiedDiff(DIFF);

  it('splits files with their paths and counts', () => {
    expect(files.map((f) => [f.oldPath, f.newPath, f.additions, f.deletions])).toEqual([
      ['src/cart.ts', 'src/cart.ts', 2, 1],
      [null, 'test/cart.test.ts', 2, 0],
    ]);
  });

  it('numbers old and new lines through a hunk', () => {
    const lines = files[0]?.hunks[0]?.lines ?? [];
    expect(lines.map((l) => [l.type, l.oldNo, l.newNo])).toEqual([
      ['context', 10, 10],
      ['del', 11, null],
      ['add', null, 11],
      ['add', null, 12],
      ['context', 12, 13],
    ]);
    expect(lines[2]?.text).toBe('  if (!coupon) return null;');
  });

  it('reads a bare diff without a git header', () => {
    const bare = parseUnifiedDiff('--- a/x.py\n+++ b/x.py\n@@ -1 +1 @@\n-a\n+b\n');
    expect(bare).toHaveLength(1);
    expect(bare[0]?.newPath).toBe('x.py');
    expect(bare[0]?.hunks[0]?.lines.map((l) => l.type)).toEqual(['del', 'add']);
  });
});
