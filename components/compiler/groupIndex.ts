import type { Layout } from "../model/layout";
import type { ClusterScope, Party, Profile } from "../model/requirement";

export const DEFAULT_CLUSTER = "default";

/** A node group with what party matching needs. */
export interface GroupInfo {
  readonly name: string;
  readonly roles: ReadonlySet<string>;
  readonly cluster: string;
  readonly clusterKind: string;
  /** Has at least one Kubernetes role: part of `{ nodes: true }`. */
  readonly kubernetes: boolean;
}

/** Groups in name order, so everything derived from them is deterministic. */
export function indexGroups(layout: Layout, profiles: readonly Profile[]): GroupInfo[] {
  const kubernetesRoles = new Set(
    profiles.flatMap((profile) => Object.entries(profile.roles).filter(([, info]) => info.kubernetes).map(([name]) => name)),
  );
  return Object.keys(layout.groups)
    .sort()
    .map((name) => {
      const group = layout.groups[name]!;
      const cluster = group.cluster ?? DEFAULT_CLUSTER;
      return {
        name,
        roles: new Set(group.roles),
        cluster,
        clusterKind: layout.clusters?.[cluster]?.kind ?? cluster,
        kubernetes: group.roles.some((role) => kubernetesRoles.has(role)),
      };
    });
}

function inScope(group: GroupInfo, scope: ClusterScope | undefined, anchor: GroupInfo | undefined): boolean {
  if (scope === "any") return true;
  if (scope === undefined) return anchor === undefined || group.cluster === anchor.cluster;
  return group.clusterKind === scope;
}

/** Groups a role or nodes party names, relative to the group at the other end (if any). */
export function matchGroups(party: Party, groups: readonly GroupInfo[], anchor?: GroupInfo): GroupInfo[] {
  if ("role" in party) return groups.filter((g) => g.roles.has(party.role) && inScope(g, party.cluster, anchor));
  if ("nodes" in party) return groups.filter((g) => g.kubernetes && inScope(g, party.cluster, anchor));
  if ("group" in party) return groups.filter((g) => g.name === party.group);
  return [];
}

/**
 * Groups bucketed once by what parties select (role or "Kubernetes node", each within any
 * cluster, one cluster, or one cluster kind), so matching a party is a map lookup: expansion
 * stays linear in the number of groups even for rows scoped to "the same cluster".
 */
export class GroupIndex {
  private readonly buckets = new Map<string, GroupInfo[]>();

  constructor(readonly groups: readonly GroupInfo[]) {
    for (const group of groups) {
      const selectors = [...group.roles].map((role) => `role:${role}`);
      if (group.kubernetes) selectors.push("nodes");
      for (const selector of selectors) {
        for (const scope of ["any", `cluster:${group.cluster}`, `kind:${group.clusterKind}`]) this.add(`${selector}|${scope}`, group);
      }
      this.add(`group:${group.name}`, group);
    }
  }

  private add(key: string, group: GroupInfo): void {
    const list = this.buckets.get(key);
    if (list) list.push(group);
    else this.buckets.set(key, [group]);
  }

  /** The same groups, in the same (name) order, as matchGroups(party, groups, anchor). */
  match(party: Party, anchor?: GroupInfo): readonly GroupInfo[] {
    if ("group" in party) return this.buckets.get(`group:${party.group}`) ?? [];
    if (!("role" in party) && !("nodes" in party)) return [];
    const selector = "role" in party ? `role:${party.role}` : "nodes";
    const scope = party.cluster;
    const where = scope === "any" || (scope === undefined && anchor === undefined) ? "any" : scope === undefined ? `cluster:${anchor!.cluster}` : `kind:${scope}`;
    return this.buckets.get(`${selector}|${where}`) ?? [];
  }
}

export function isGroupParty(
  party: Party,
): party is Extract<Party, { role: string }> | Extract<Party, { nodes: true }> | Extract<Party, { group: string }> {
  return "role" in party || "nodes" in party || "group" in party;
}
