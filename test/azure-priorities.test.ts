/**
 * The stable-priority assignment on its own: range, uniqueness, reserved bands, pins,
 * independence of input order, and the property `pulumi up` needs: an edit never puts a
 * rule onto a priority that another rule held before the edit (Azure refuses it while the old
 * rule waits for the deletes at the end of the update).
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { createHash } from "node:crypto";
import { ALLOW_MAX, DEEP_BAND, DENY_BAND, LEVELS, MIN_PRIORITY, assignPriorities } from "../components/azure/azurePriorities";

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}|rule-${i}`);

/** Rules of `after` that now sit on a priority a different rule held in `before`. */
function landedOnHeld(before: Map<string, number>, after: Map<string, number>): string[] {
  const holder = new Map([...before].map(([id, p]) => [p, id]));
  return [...after].filter(([id, p]) => holder.has(p) && holder.get(p) !== id).map(([id, p]) => `${id} -> ${p} (held by ${holder.get(p)})`);
}

const idSet = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 12 }), { minLength: 0, maxLength: 150 });

describe("assignPriorities", () => {
  it("gives every identity a unique priority in 100-4086, above the deny band", () => {
    const priorities = assignPriorities(ids("a", 900));
    const values = [...priorities.values()];
    expect(priorities.size).toBe(900);
    expect(new Set(values).size).toBe(900);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(MIN_PRIORITY);
    expect(Math.max(...values)).toBeLessThanOrEqual(ALLOW_MAX);
    expect(ALLOW_MAX).toBe(DENY_BAND.from - 1);
    expect(LEVELS.at(-1)!.to).toBe(ALLOW_MAX);
  });

  it("never assigns inside reserved bands", () => {
    const reserved = [{ from: 100, to: 1999 }, { from: 3000, to: 3100 }];
    for (const p of assignPriorities(ids("r", 400), reserved).values()) expect(reserved.some((band) => p >= band.from && p <= band.to)).toBe(false);
  });

  it("depends on the set of identities, not their order", () => {
    fc.assert(
      fc.property(idSet, fc.integer(), (set, seed) => {
        const shuffled = [...set].sort((a, b) => ((a.length * 31 + seed) % 7) - ((b.length * 31 + seed) % 7) || b.localeCompare(a));
        expect([...assignPriorities(shuffled)].sort()).toEqual([...assignPriorities(set)].sort());
      }),
      { numRuns: 50 },
    );
  });

  // The wedge of issue 13, found with the previous scheme (first free hashed candidate in hash
  // order): removing rule-16 of this set moved rule-10 from 2484 onto rule-16's 3031.
  it("removing a rule never moves a survivor onto a priority held before the update (the case that wedged)", () => {
    const set = ids("t1", 80);
    const before = assignPriorities(set);
    for (const gone of set) expect(landedOnHeld(before, assignPriorities(set.filter((id) => id !== gone)))).toEqual([]);
  });

  it("removing any rules never moves a survivor onto a priority held before the update", () => {
    fc.assert(
      fc.property(idSet, fc.array(fc.nat(), { maxLength: 5 }), (set, picks) => {
        const gone = new Set(picks.map((pick) => set[pick % Math.max(1, set.length)]));
        expect(landedOnHeld(assignPriorities(set), assignPriorities(set.filter((id) => !gone.has(id))))).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it("adding rules never puts any rule onto a priority held before the update", () => {
    fc.assert(
      fc.property(idSet, fc.uniqueArray(fc.string({ minLength: 13, maxLength: 16 }), { maxLength: 5 }), (set, extra) => {
        expect(landedOnHeld(assignPriorities(set), assignPriorities([...set, ...extra]))).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it("at a realistic size, a removal moves only rules that were pushed off a shared slot", () => {
    const base = ids("cluster", 300);
    const before = assignPriorities(base);
    let moves = 0;
    for (const gone of base.slice(0, 100)) {
      const after = assignPriorities(base.filter((id) => id !== gone));
      moves += base.filter((id) => id !== gone && after.get(id) !== before.get(id)).length;
      expect(landedOnHeld(before, after)).toEqual([]);
    }
    // A rule moves only when the removed rule shared its level-0 slot: about 300 / 2000 per removal.
    expect(moves).toBeLessThanOrEqual(40);
  });

  it("pinned rules keep their pinned priority and nobody else takes it", () => {
    const set = ids("p", 200);
    const free = assignPriorities(set);
    const victim = set[7]!;
    const pinned = assignPriorities(set, [], new Map([[victim, 4000]]));
    expect(pinned.get(victim)).toBe(4000);
    expect([...pinned].filter(([id, p]) => id !== victim && p === 4000)).toEqual([]);
    expect(pinned.get(set[8]!)).toBe(free.get(set[8]!) === 4000 ? pinned.get(set[8]!) : free.get(set[8]!));
  });

  it("rules that collide at every level still get unique free priorities", () => {
    // Level 0 entirely reserved, one slot left per deeper level: "a" and "b" collide everywhere.
    const reserved = [{ from: MIN_PRIORITY, to: DEEP_BAND.from - 1 }, ...LEVELS.slice(1).map((band) => ({ from: band.from, to: band.to - 1 }))];
    const priorities = assignPriorities(["a", "b"], reserved);
    expect(new Set(priorities.values()).size).toBe(2);
    for (const p of priorities.values()) expect(reserved.some((band) => p >= band.from && p <= band.to)).toBe(false);
  });

  it("keeps the first choice every earlier kubeports release gave a rule (upgrades renumber almost nothing)", () => {
    const set = ids("upgrade", 50);
    const priorities = assignPriorities(set);
    // The formula kubeports has always used for a rule's first choice, outside the deep band.
    const first = (id: string) => MIN_PRIORITY + (Number.parseInt(createHash("sha256").update(`${id}#0`).digest("hex").slice(0, 12), 16) % 3987);
    const kept = set.filter((id) => priorities.get(id) === first(id));
    // About 15% first choices fall into the deep band, and a few collide: expect roughly 40 of 50.
    expect(kept.length).toBeGreaterThanOrEqual(33);
  });

  it("refuses duplicate identities (a caller bug, not a user error)", () => {
    expect(() => assignPriorities(["x", "x"])).toThrow(/duplicate/);
  });
});
