import { createHash } from 'node:crypto';

/**
 * One node of a grouping tree, shaped like Sentry's grouping components: a node contributes to the
 * hash when it has values and (unless forced) when any child contributes. The hash is md5 over the
 * contributing leaf strings in tree order, which is exactly what Sentry's snapshots encode.
 */
export class GroupingComponent {
  hint: string | null = null;
  private forced: boolean | null = null;

  constructor(
    readonly id: string,
    public values: (GroupingComponent | string)[] = [],
  ) {}

  get contributes(): boolean {
    if (this.forced !== null) return this.forced;
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

  /** Contributing leaf strings in tree order (empty when this node does not contribute). */
  collectValues(into: string[] = []): string[] {
    if (!this.contributes) return into;
    for (const value of this.values) {
      if (typeof value === 'string') into.push(value);
      else if (value.contributes) value.collectValues(into);
    }
    return into;
  }

  hash(): string | null {
    return this.contributes ? md5Of(this.collectValues()) : null;
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
  return createHash('md5').update(values.join(''), 'utf8').digest('hex');
}
