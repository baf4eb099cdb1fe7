/**
 * Port-set arithmetic the Azure packing relies on (components/model/ports): intersection and
 * difference of range lists, checked port by port against plain sets on a small universe.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compactPortRanges, intersectPortRanges, subtractPortRanges, type PortRange } from "../components/model/ports";

const rangeArb = fc.tuple(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 12 })).map(([from, length]): PortRange => ({ from, to: from + length }));
const listArb = fc.array(rangeArb, { maxLength: 6 });

function ports(ranges: readonly PortRange[]): Set<number> {
  const set = new Set<number>();
  for (const r of ranges) for (let p = r.from; p <= r.to; p++) set.add(p);
  return set;
}

const sorted = (set: Set<number>) => [...set].sort((a, b) => a - b);

describe("port-set arithmetic", () => {
  it("intersectPortRanges is the set intersection, compacted", () => {
    fc.assert(
      fc.property(listArb, listArb, (a, b) => {
        const got = intersectPortRanges(a, b);
        const want = new Set([...ports(a)].filter((p) => ports(b).has(p)));
        expect(sorted(ports(got))).toEqual(sorted(want));
        expect(got).toEqual(compactPortRanges(got));
      }),
      { numRuns: 400 },
    );
  });

  it("subtractPortRanges is the set difference, compacted", () => {
    fc.assert(
      fc.property(listArb, listArb, (a, b) => {
        const got = subtractPortRanges(a, b);
        const want = new Set([...ports(a)].filter((p) => !ports(b).has(p)));
        expect(sorted(ports(got))).toEqual(sorted(want));
        expect(got).toEqual(compactPortRanges(got));
      }),
      { numRuns: 400 },
    );
  });

  it("a common part and the remainders rebuild every list exactly (how Azure splits a class)", () => {
    fc.assert(
      fc.property(fc.array(listArb, { minLength: 1, maxLength: 4 }), (lists) => {
        const common = lists.slice(1).reduce((acc, list) => intersectPortRanges(acc, list), compactPortRanges(lists[0]!));
        for (const list of lists) expect(sorted(ports([...common, ...subtractPortRanges(list, common)]))).toEqual(sorted(ports(list)));
      }),
      { numRuns: 300 },
    );
  });
});
