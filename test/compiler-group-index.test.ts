/**
 * The compiler's group index answers every party exactly as a scan of all groups would, so
 * expansion can stay linear in the number of groups without changing any plan.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type GroupInfo, GroupIndex, matchGroups } from "../components/compiler/groupIndex";
import type { Party } from "../components/model/requirement";

const ROLES = ["controlPlane", "etcd", "worker", "registry"];
const CLUSTERS = ["default", "global", "prod", "dev"];
const KINDS = ["default", "global", "worker"];

const groupsArb = fc
  .array(
    fc.record({ roles: fc.subarray(ROLES, { minLength: 1 }), cluster: fc.constantFrom(...CLUSTERS), kubernetes: fc.boolean() }),
    { maxLength: 12 },
  )
  .map((list) =>
    list.map((g, i): GroupInfo => ({ name: `g${String(i).padStart(2, "0")}`, roles: new Set(g.roles), cluster: g.cluster, clusterKind: KINDS[CLUSTERS.indexOf(g.cluster) % KINDS.length]!, kubernetes: g.kubernetes })),
  );

const scope = fc.constantFrom<string | undefined>(undefined, "any", ...KINDS);
const partyArb: fc.Arbitrary<Party> = fc.oneof(
  fc.tuple(fc.constantFrom(...ROLES), scope).map(([role, cluster]) => (cluster === undefined ? { role } : { role, cluster }) as Party),
  scope.map((cluster) => (cluster === undefined ? { nodes: true } : { nodes: true, cluster }) as Party),
  fc.integer({ min: 0, max: 13 }).map((i) => ({ group: `g${String(i).padStart(2, "0")}` }) as Party),
);

describe("GroupIndex", () => {
  it("matches the same groups, in the same order, as a scan, with and without an anchor group", () => {
    fc.assert(
      fc.property(groupsArb, partyArb, fc.nat(), (groups, party, anchorAt) => {
        const index = new GroupIndex(groups);
        expect(index.match(party).map((g) => g.name)).toEqual(matchGroups(party, groups).map((g) => g.name));
        const anchor = groups.length > 0 ? groups[anchorAt % groups.length] : undefined;
        expect(index.match(party, anchor).map((g) => g.name)).toEqual(matchGroups(party, groups, anchor).map((g) => g.name));
      }),
      { numRuns: 300 },
    );
  });
});
