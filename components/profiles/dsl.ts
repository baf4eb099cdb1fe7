/**
 * Small constructors that keep profile files reading like the vendor's tables:
 * `{ id: "etcd", ..., from: [role("controlPlane")], to: role("etcd"), source: doc("row 2: etcd") }`.
 */
import type { ClusterScope, Party, Provenance } from "../model/requirement";

/** Node groups with this role (in the same cluster as the other end, unless `cluster` says otherwise). */
export function role(name: string, cluster?: ClusterScope): Party {
  return cluster === undefined ? { role: name } : { role: name, cluster };
}

/** Every Kubernetes node (in the same cluster as the other end, unless `cluster` says otherwise). */
export function nodes(cluster?: ClusterScope): Party {
  return cluster === undefined ? { nodes: true } : { nodes: true, cluster };
}

/** A named external peer; the layout supplies its CIDRs. */
export function peer(name: string): Party {
  return { peer: name };
}

/** Addresses printed in the document itself. */
export function cidrs(label: string, ...addresses: string[]): Party {
  return { cidrs: addresses, label };
}

/** Host names for outbound rows. */
export function hosts(...names: string[]): Party {
  return { hosts: names };
}

/** Provenance builder bound to one document: `const at = source("000_x.txt"); at("row 3: apiserver")`. */
export function source(document: string): (row: string) => Provenance {
  return (row) => ({ document, row });
}

/**
 * What no vendor page lists but every cluster needs: operators' SSH to the nodes. Rows cite
 * this instead of a page, and say so in their note; they open nothing until the layout gives
 * the `admin` peer.
 */
export const OPERATOR_ACCESS = "operator access (not in any vendor page)";

/** The SSH row every upstream profile shares: TCP 22 from the `admin` peer to every node. */
export function operatorSsh(profile: string) {
  return {
    id: "ssh", description: "SSH for operators", direction: "inbound" as const, protocols: ["tcp" as const], ports: "22",
    from: [peer("admin")], to: nodes(), source: { document: OPERATOR_ACCESS, row: `SSH to every ${profile} node from the admin peer` },
    note: "Not in the vendor page: operator access that kubeports adds under the shared peer name admin, so every profile reads the same; it opens nothing unless the layout gives admin CIDRs.",
  };
}
