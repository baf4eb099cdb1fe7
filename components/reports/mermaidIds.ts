/** Mermaid node ids: only [A-Za-z0-9_], so no name a user writes can break the syntax. */

/** Ids unique across the diagram: a kind prefix, the name with other characters as "_", a counter on clashes. */
export class IdRegistry {
  private readonly byKey = new Map<string, string>();
  private readonly taken = new Set<string>();

  idFor(prefix: string, name: string): string {
    const key = `${prefix}\u0000${name}`;
    const existing = this.byKey.get(key);
    if (existing) return existing;
    const base = `${prefix}_${name.replace(/[^A-Za-z0-9]+/g, "_").replace(/^_|_$/g, "")}`;
    let id = base;
    for (let n = 2; this.taken.has(id); n += 1) id = `${base}_${n}`;
    this.byKey.set(key, id);
    this.taken.add(id);
    return id;
  }
}
