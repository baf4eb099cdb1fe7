/**
 * Every flow a compiled plan's clusters need between their own machines, per the connectivity
 * model: for each profile that describes clusters, its bindings whose conditions hold, the
 * plan's groups of that cluster, and each requirement expanded to every (sender, receiver)
 * pair of groups, a group with itself included (two machines of one group). Pure and
 * deterministic; linear in groups for clusters of bounded size (groups are bucketed once).
 */
import { conditionHolds } from "../model/conditions";
import type { Plan, PlanGroup } from "../model/plan";
import { parsePortSpec } from "../model/ports";
import type { Binding } from "./distributions";
import { BINDINGS } from "./distributions";
import { CORE_REQUIREMENTS, OVERLAY_REQUIREMENTS, type ModelRequirement, type ModelSource, type ModelTarget } from "./model";
import { POD_PEER } from "./podRouting";
import type { RequiredEndpoint, RequiredFlow } from "./requiredFlow";

/** Groups of one cluster under one binding, split into the model's parts. */
interface ModelCluster {
  readonly binding: Binding;
  readonly cluster: string;
  readonly nodes: readonly string[];
  readonly controlPlane: readonly string[];
  readonly etcd: readonly string[];
}

/**
 * Every flow the connectivity model requires of a compiled plan (its profiles, resolved options,
 * groups and peers), in a deterministic order: what the cluster needs whatever the vendor rows say.
 */
export function requiredFlows(plan: Plan): RequiredFlow[] {
  const peers = new Map(plan.peers.map((peer) => [peer.name, peer.cidrs]));
  const out: RequiredFlow[] = [];
  const seen = new Set<string>();
  for (const profile of plan.profiles) {
    for (const binding of BINDINGS[profile.id] ?? []) {
      if (!conditionHolds(binding.when, plan.options)) continue;
      const requirements = requirementsOf(binding, plan);
      for (const cluster of modelClusters(binding, plan.groups)) {
        for (const requirement of requirements) {
          for (const flow of expand(requirement, cluster, peers)) {
            const key = `${flow.requirement}|${endpointKey(flow.from)}|${flow.to}|${flow.protocol}|${flow.ports?.from}|${flow.ports?.to}|${flow.icmp?.type}`;
            if (seen.has(key)) continue;
            seen.add(key);
            out.push(flow);
          }
        }
      }
    }
  }
  return out;
}

export function endpointKey(endpoint: RequiredEndpoint): string {
  return endpoint.kind === "group" ? `group:${endpoint.group}` : `peer:${endpoint.peer}`;
}

function requirementsOf(binding: Binding, plan: Plan): ModelRequirement[] {
  const applies = (requirement: ModelRequirement): boolean =>
    conditionHolds(requirement.when, plan.options) &&
    (requirement.only === undefined || requirement.only.includes(binding.distribution)) &&
    !(requirement.except ?? []).includes(binding.distribution);
  return [...CORE_REQUIREMENTS[binding.distribution], ...OVERLAY_REQUIREMENTS, ...(binding.extra ?? [])].filter(applies);
}

/** The binding's groups bucketed by plan cluster (one pass over the groups), clusters in name order. */
function modelClusters(binding: Binding, groups: readonly PlanGroup[]): ModelCluster[] {
  // Members: every group with a role of the binding; `nodes` are those with a Kubernetes node role
  // (kubeadm's external etcd hosts are etcd members, not nodes: no kubelet traffic, no overlay).
  const memberRoles = new Set([...binding.nodes, ...binding.controlPlane, ...binding.etcd]);
  const byCluster = new Map<string, PlanGroup[]>();
  for (const group of groups) {
    if (binding.clusterKinds && group.clusterKind !== "default" && !binding.clusterKinds.includes(group.clusterKind)) continue;
    if (!group.roles.some((role) => memberRoles.has(role))) continue;
    const list = byCluster.get(group.cluster);
    if (list) list.push(group);
    else byCluster.set(group.cluster, [group]);
  }
  const withAny = (members: readonly PlanGroup[], roles: readonly string[]): string[] =>
    members.filter((group) => group.roles.some((role) => roles.includes(role))).map((group) => group.name).sort();
  return [...byCluster.keys()].sort().map((cluster) => {
    const members = byCluster.get(cluster)!;
    return {
      binding,
      cluster,
      nodes: withAny(members, binding.nodes),
      controlPlane: withAny(members, binding.controlPlane),
      etcd: withAny(members, binding.etcd),
    };
  });
}

function targets(target: ModelTarget, cluster: ModelCluster): readonly string[] {
  return "nodes" in target ? cluster.nodes : cluster[target.part];
}

function sources(from: ModelSource, cluster: ModelCluster, peers: ReadonlyMap<string, readonly string[]>): RequiredEndpoint[] {
  if ("nodes" in from) return cluster.nodes.map((group) => ({ kind: "group", group }));
  if ("part" in from) return cluster[from.part].map((group) => ({ kind: "group", group }));
  const peer = "pods" in from ? POD_PEER : from.peer;
  // A peer the layout gives no CIDRs cannot send anything the firewall could admit.
  return (peers.get(peer)?.length ?? 0) > 0 ? [{ kind: "peer", peer }] : [];
}

function expand(requirement: ModelRequirement, cluster: ModelCluster, peers: ReadonlyMap<string, readonly string[]>): RequiredFlow[] {
  const ports = requirement.ports === undefined ? undefined : parsePortSpec(requirement.ports)[0];
  const flows: RequiredFlow[] = [];
  for (const from of sources(requirement.from, cluster, peers)) {
    for (const to of targets(requirement.to, cluster)) {
      flows.push({
        requirement: requirement.id,
        description: requirement.description,
        source: requirement.source.document,
        from,
        to,
        protocol: requirement.protocol,
        ...(ports ? { ports } : {}),
        ...(requirement.icmp ? { icmp: requirement.icmp } : {}),
        sourceRow: requirement.source.row,
        distribution: cluster.binding.distribution,
        cluster: cluster.cluster,
        ...(requirement.family ? { family: requirement.family } : {}),
      });
    }
  }
  return flows;
}
