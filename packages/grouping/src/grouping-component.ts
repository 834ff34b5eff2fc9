import { createHash } from 'node:crypto';

/**
 * One node of a grouping tree, shaped like Sentry's grouping components: a node contributes to the
 * hash when it has values and (unless forced) when any child contributes. The hash is md5 over the
 * contributing leaf strings in tree order, which is exactly what Sentry's snapshots encode.
 */
export class GroupingComponent {
  hint: string | null = null;
  private forced: boolean | null = null;
  /** Set by `freeze()`: the subtree can no longer change, so its outcome is computed once. */
  private frozenText: string | null = null;
  private frozenContributes = false;

  constructor(
    readonly id: string,
    public values: (GroupingComponent | string)[] = [],
  ) {}

  get contributes(): boolean {
    if (this.forced !== null) return this.forced;
    if (this.frozenText !== null) return this.frozenContributes;
    if (this.values.length === 0) return false;
    for (const value of this.values) {
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

  /** The contributing leaf strings concatenated: exactly what the hash is taken over. */
  collectText(): string {
    if (this.frozenText !== null) return this.frozenText;
    if (!this.contributes) return '';
    let text = '';
    for (const value of this.values) text += typeof value === 'string' ? value : value.collectText();
    return text;
  }

  /**
   * Makes this subtree immutable (shared between events through caches) and remembers what it
   * contributes; any later attempt to change it throws instead of silently altering other events.
   */
  freeze(): this {
    if (Object.isFrozen(this)) return this;
    for (const value of this.values) if (typeof value !== 'string') value.freeze();
    this.frozenContributes = this.contributes;
    this.frozenText = this.collectText();
    Object.freeze(this.values);
    Object.freeze(this);
    return this;
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

  /** True when this node or any descendant with the given id contributes. */
  hasContributing(id: string): boolean {
    for (const value of this.values) {
      if (typeof value === 'string') continue;
      if (value.id === id && value.contributes) return true;
      if (value.hasContributing(id)) return true;
    }
    return false;
  }
}

export function leaf(id: string, value: string | null | undefined): GroupingComponent {
  return new GroupingComponent(id, value === null || value === undefined ? [] : [value]);
}

/** md5 over the concatenated UTF-8 bytes of the values (Sentry's `hash_from_values`). */
export function md5Of(values: readonly string[]): string {
  return md5OfText(values.join(''));
}

export function md5OfText(text: string): string {
  return createHash('md5').update(text, 'utf8').digest('hex');
}
