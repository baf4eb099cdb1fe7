/**
 * The stable-priority assignment on its own: range, uniqueness, reserved bands, independence of
 * input order, and the stability theorem (adding a rule renumbers nobody unless the new rule lands
 * on a slot that was taken), plus how rarely that happens at realistic sizes.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ALLOW_MAX, ALLOW_SLOTS, DENY_BAND, MIN_PRIORITY, assignPriorities, freeSlotCount, placementRank } from "../components/azure/azurePriorities";

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}|rule-${i}`);

/** Identities that did not keep their priority. */
function moved(before: Map<string, number>, after: Map<string, number>): string[] {
  return [...before.keys()].filter((id) => after.get(id) !== before.get(id));
}

const idSet = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 12 }), { minLength: 0, maxLength: 120 });

describe("assignPriorities", () => {
  it("gives every identity a unique priority in 100-4086, above the deny band", () => {
    const set = ids("a", 900);
    const priorities = assignPriorities(set);
    const values = [...priorities.values()];
    expect(priorities.size).toBe(900);
    expect(new Set(values).size).toBe(900);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(MIN_PRIORITY);
    expect(Math.max(...values)).toBeLessThanOrEqual(ALLOW_MAX);
    expect(ALLOW_MAX).toBe(DENY_BAND.from - 1);
  });

  it("never assigns inside reserved bands, and fills every remaining slot when asked to", () => {
    const reserved = [{ from: 100, to: 1999 }, { from: 3000, to: 3100 }];
    const free = freeSlotCount(reserved);
    expect(free).toBe(ALLOW_SLOTS - 1900 - 101);
    const priorities = assignPriorities(ids("full", free), reserved);
    const values = [...priorities.values()];
    expect(new Set(values).size).toBe(free);
    for (const p of values) expect(reserved.some((band) => p >= band.from && p <= band.to)).toBe(false);
    expect(() => assignPriorities(ids("full", free + 1), reserved)).toThrow(RangeError);
  });

  it("depends on the set of identities, not their order", () => {
    fc.assert(
      fc.property(idSet, fc.integer(), (set, seed) => {
        const shuffled = [...set].sort((a, b) => ((a.length * 31 + seed) % 7) - ((b.length * 31 + seed) % 7) || b.localeCompare(a));
        expect([...assignPriorities(shuffled)].sort()).toEqual([...assignPriorities(set)].sort());
      }),
    );
  });

  it("adding a rule renumbers nobody unless the new rule lands on a slot that was taken", () => {
    fc.assert(
      fc.property(idSet, fc.string({ minLength: 1, maxLength: 12 }), (set, extra) => {
        fc.pre(!set.includes(extra));
        const before = assignPriorities(set);
        const after = assignPriorities([...set, extra]);
        const landedOnTaken = [...before.values()].includes(after.get(extra)!);
        const changed = moved(before, after);
        // Read backwards, this is also removal: dropping `extra` restores `before` for everyone else.
        if (!landedOnTaken) expect(changed).toEqual([]);
        // Only rules placed after the newcomer can move: the rest never see it.
        else for (const id of changed) expect(placementRank(id) > placementRank(extra)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("at realistic sizes, additions almost never renumber anything (and never more than a few rules)", () => {
    const base = ids("cluster", 300);
    const before = assignPriorities(base);
    let additionsThatMoved = 0;
    let most = 0;
    const taken = new Set(before.values());
    for (let i = 0; i < 200; i++) {
      const extra = `new-rule-${i}`;
      const after = assignPriorities([...base, extra]);
      const changed = moved(before, after);
      if (changed.length === 0) continue;
      // The theorem's other branch, seen for real: the newcomer took an occupied slot, and only
      // rules placed after it moved.
      additionsThatMoved++;
      most = Math.max(most, changed.length);
      expect(taken.has(after.get(extra)!)).toBe(true);
      for (const id of changed) expect(placementRank(id) > placementRank(extra)).toBe(true);
    }
    // Expected about 300 / 2 / 3987 = 3.8% of additions; the inputs are fixed, so this is exact.
    expect(additionsThatMoved).toBeGreaterThan(0);
    expect(additionsThatMoved).toBeLessThanOrEqual(20);
    expect(most).toBeLessThanOrEqual(3);
  });

  it("a new reserved band moves only the rules that were inside it", () => {
    const set = ids("band", 400);
    const before = assignPriorities(set);
    const band = { from: 1000, to: 1200 };
    const after = assignPriorities(set, [band]);
    const inside = set.filter((id) => before.get(id)! >= band.from && before.get(id)! <= band.to);
    expect(inside.length).toBeGreaterThan(0);
    const changed = moved(before, after);
    // Everything inside must move; a displaced rule may in turn (rarely) displace one more.
    for (const id of inside) expect(changed).toContain(id);
    expect(changed.length - inside.length).toBeLessThanOrEqual(Math.ceil(inside.length / 4));
  });

  it("refuses duplicate identities (a caller bug, not a user error)", () => {
    expect(() => assignPriorities(["x", "x"])).toThrow(/duplicate/);
  });
});
