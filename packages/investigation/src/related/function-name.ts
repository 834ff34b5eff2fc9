const ANONYMOUS = /^(?:<anonymous>|\?|anonymous|<lambda>|<module>|<listcomp>|<genexpr>|module code)$/;

/**
 * The searchable name of a frame's function: `Object.total`, `CartService.total`, `async total`,
 * `new Cart`, `Cart.prototype.total`, `total [as sum]` and `module:total` all become `total`/`Cart`.
 * Anonymous functions and names too short to search for give null.
 */
export function searchableFunctionName(name: string | null): string | null {
  if (!name) return null;
  let text = name.trim().replace(/\s*\[as [^\]]+\]$/, '');
  text = text.replace(/^(?:async|new)\s+/, '').replace(/\(.*\)$/, '');
  const last =
    text
      .split(/[.:#/\\]/)
      .filter(Boolean)
      .pop() ?? '';
  if (ANONYMOUS.test(last) || !/^[A-Za-z_]\w*$/.test(last) || last.length < 3) return null;
  return last;
}
