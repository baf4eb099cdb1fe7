/**
 * A synthetic layout of `groups` node groups: clusters of three groups (control plane, etcd,
 * worker; the last cluster may be partial) on the kubernetes and calico profiles with Calico
 * VXLAN, Typha and WireGuard, so every cluster has all-to-all CNI rows, and three peers shared
 * by all clusters (one with two CIDRs). Rows scoped to "the same cluster" make expansion match
 * every group against every other, and every group gets flows to merge.
 */
import type { Layout, NodeGroup } from "../../components/model/layout";

const ROLES = ["controlPlane", "etcd", "worker"] as const;

export function syntheticLayout(groups: number): Layout {
  const clusters: Record<string, { kind: string }> = {};
  const nodeGroups: Record<string, NodeGroup> = {};
  for (let index = 0; index < groups; index++) {
    const cluster = `c${Math.floor(index / ROLES.length)}`;
    const role = ROLES[index % ROLES.length]!;
    clusters[cluster] = { kind: "default" };
    nodeGroups[`${cluster}-${role.toLowerCase()}`] = { roles: [role], cluster };
  }
  return {
    name: `synthetic-${groups}`,
    profiles: ["kubernetes", "calico"],
    options: { cni: "calico", calicoMode: "vxlan", calicoTypha: true, encryption: "wireguard" },
    clusters,
    groups: nodeGroups,
    peers: { apiClients: ["198.51.100.0/24"], loadBalancer: ["10.0.0.0/16"], workloadClients: ["10.0.0.0/16", "192.0.2.0/24"] },
  };
}
