import { createHash, hash as oneShotHash } from 'node:crypto';

/**
 * What a subtree contributes, computed once and reused across events (see `summarized`). `expand`
 * rebuilds the full children only when something needs the structure itself, which is rare.
 */
export interface ComponentSummary {
  /** The node's contributing leaf strings concatenated, as if it were not forced on or off. */
  text: string;
  contributes: boolean;
  /** Ids of descendants that contribute (what `hasContributing` asks). */
  contributingIds: ReadonlySet<string>;
  expand: () => GroupingComponent[];
}

/**
 * One node of a grouping tree, shaped like Sentry's grouping components: a node contributes to the
 * hash when it has values and (unless forced) when any child contributes. The hash is md5 over the
 * contributing leaf strings in tree order, which is exactly what Sentry's snapshots encode.
 */
export class GroupingComponent {
  hint: string | null = null;
  private forced: boolean | null = null;
  private summary: ComponentSummary | null = null;
  private children: (GroupingComponent | string)[] | null;

  constructor(
    readonly id: string,
    values: (GroupingComponent | string)[] = [],
  ) {
    this.children = values;
  }

  /** A node standing for an already evaluated subtree: hashing it never walks the subtree. */
  static summarized(id: string, summary: ComponentSummary): GroupingComponent {
    const component = new GroupingComponent(id);
    component.summary = summary;
    component.children = null;
    return component;
  }

  get values(): (GroupingComponent | string)[] {
    if (this.children === null) this.children = this.summary ? this.summary.expand() : [];
    return this.children;
  }

  set values(values: (GroupingComponent | string)[]) {
    this.children = values;
    this.summary = null;
  }

  get contributes(): boolean {
    if (this.forced !== null) return this.forced;
    if (this.summary !== null) return this.summary.contributes;
    const values = this.values;
    if (values.length === 0) return false;
    for (const value of values) {
      if (typeof value === 'string' || value.contributes) return true;
    }
    return false;
  }

  /** Forces contribution on or off (Sentry's `update(contributes=...)`). */
  setContributes(contributes: boolean, hint?: string): this {
    this.forced = contributes;
    if (hint !== undefined) this.hint = hint;
    return this;
  }

  /** The contributing leaf strings concatenated in tree order: exactly what the hash is taken over. */
  collectText(): string {
    if (!this.contributes) return '';
    if (this.summary !== null) return this.summary.text;
    // One join gives a flat string; `+=` would build a rope of many small objects.
    return this.collectParts([]).join('');
  }

  private collectParts(into: string[]): string[] {
    if (!this.contributes) return into;
    if (this.summary !== null) {
      into.push(this.summary.text);
      return into;
    }
    for (const value of this.values) {
      if (typeof value === 'string') into.push(value);
      else value.collectParts(into);
    }
    return into;
  }

  hash(): string | null {
    return this.contributes ? md5OfText(this.collectText()) : null;
  }

  /** Full structural signature (incl. non-contributing parts), used to tell exceptions apart like Sentry's repr. */
  signature(): string {
    const inner = this.values
      .map((v) => (typeof v === 'string' ? JSON.stringify(v) : v.signature()))
      .join(',');
    return `${this.id}(${this.contributes ? 1 : 0},${this.hint ?? ''},[${inner}])`;
  }

  child(id: string): GroupingComponent | undefined {
    for (const value of this.values) {
      if (typeof value !== 'string' && value.id === id) return value;
    }
    return undefined;
  }

  /** True when any descendant with the given id contributes. */
  hasContributing(id: string): boolean {
    if (this.summary !== null) return this.summary.contributingIds.has(id);
    for (const value of this.values) {
      if (typeof value === 'string') continue;
      if (value.id === id && value.contributes) return true;
      if (value.hasContributing(id)) return true;
    }
    return false;
  }

  /** Ids of all contributing descendants, for a summary. */
  contributingIds(into = new Set<string>()): Set<string> {
    for (const value of this.values) {
      if (typeof value === 'string') continue;
      if (value.contributes) into.add(value.id);
      value.contributingIds(into);
    }
    return into;
  }
}

export function leaf(id: string, value: string | null | undefined): GroupingComponent {
  return new GroupingComponent(id, value === null || value === undefined ? [] : [value]);
}

/** md5 over the concatenated UTF-8 bytes of the values (Sentry's `hash_from_values`). */
export function md5Of(values: readonly string[]): string {
  return md5OfText(values.join(''));
}

/** `crypto.hash` (Node >= 20.12) skips creating a Hash object: about twice as fast for short input. */
export function md5OfText(text: string): string {
  if (typeof oneShotHash === 'function') return oneShotHash('md5', text, 'hex');
  return createHash('md5').update(text, 'utf8').digest('hex');
}
