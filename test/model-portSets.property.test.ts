/**
 * Port-set arithmetic (components/model/portSets), shared by the AWS prefix-list split and the
 * Azure packing: intersection and difference of range lists, checked port by port against
 * plain sets on a small universe.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { intersect, subtract, union } from "../components/model/portSets";
import type { PortRange } from "../components/model/ports";

const SMALL = 40;
const range = fc.tuple(fc.integer({ min: 1, max: SMALL }), fc.integer({ min: 0, max: 6 })).map(([from, len]): PortRange => ({ from, to: Math.min(SMALL, from + len) }));
const ranges = fc.array(range, { maxLength: 6 });

function ports(list: readonly PortRange[]): Set<number> {
  const out = new Set<number>();
  for (const r of list) for (let p = r.from; p <= r.to; p++) out.add(p);
  return out;
}

describe("port sets", () => {
  it("intersect and subtract agree with sets of ports, and stay compact", () => {
    fc.assert(
      fc.property(ranges, ranges, (a, b) => {
        const [pa, pb] = [ports(a), ports(b)];
        expect(ports(intersect(a, b))).toEqual(new Set([...pa].filter((p) => pb.has(p))));
        expect(ports(subtract(a, b))).toEqual(new Set([...pa].filter((p) => !pb.has(p))));
        for (const result of [intersect(a, b), subtract(a, b)]) expect(union(result)).toEqual(result);
      }),
    );
  });

  it("a common part and the remainders rebuild every list exactly (how Azure splits a class)", () => {
    fc.assert(
      fc.property(fc.array(ranges, { minLength: 1, maxLength: 4 }), (lists) => {
        const common = lists.slice(1).reduce((acc, list) => intersect(acc, list), union(lists[0]!));
        for (const list of lists) expect(ports([...common, ...subtract(list, common)])).toEqual(ports(list));
      }),
      { numRuns: 300 },
    );
  });
});
