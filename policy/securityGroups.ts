/**
 * Which AWS security group a rule belongs to, across the stack. A standalone rule carries
 * only `securityGroupId`, which is unknown at preview while its group is being created, so
 * the rule is matched to its group first through the engine's property dependencies (what
 * `securityGroupId` was computed from: works at preview, for any program), then by id (groups
 * created by an earlier update). A group outside the stack is known by its id alone.
 */
import { known } from "./known";
import { AWS_LEGACY_RULE, AWS_SECURITY_GROUP, AWS_EGRESS_RULE, AWS_INGRESS_RULE } from "./resourceTypes";
import type { StackResource } from "./stackResource";

export interface GroupRef {
  /** Stable within one stack check: the group's URN, or `id:<sg-...>` for a group outside the stack. */
  readonly key: string;
  /** For messages: the group's AWS name, its Pulumi name, or its id. */
  readonly label: string;
  readonly urn?: string;
  /** The group's `name`, when known: rancher/machine's driver fills a group named exactly "rancher-nodes". */
  readonly awsName?: string;
}

function asString(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

function groupRef(group: StackResource): GroupRef {
  const awsName = known(() => asString(group.props.name));
  return { key: group.urn, label: awsName ?? group.name, urn: group.urn, ...(awsName !== undefined ? { awsName } : {}) };
}

/** Returns the lookup for one stack: rule (or group) resource -> its group, if it can be told. */
export function securityGroupLookup(resources: readonly StackResource[]): (resource: StackResource) => GroupRef | undefined {
  const groups = resources.filter((resource) => resource.type === AWS_SECURITY_GROUP);
  const byId = new Map<string, StackResource>();
  for (const group of groups) {
    const id = known(() => asString(group.props.id));
    if (id !== undefined) byId.set(id, group);
  }
  return (resource) => {
    if (resource.type === AWS_SECURITY_GROUP) return groupRef(resource);
    if (resource.type !== AWS_INGRESS_RULE && resource.type !== AWS_EGRESS_RULE && resource.type !== AWS_LEGACY_RULE) return undefined;
    const fromDependencies = (resource.propertyDependencies?.securityGroupId ?? []).filter((dep) => dep.type === AWS_SECURITY_GROUP);
    if (fromDependencies.length === 1) return groupRef(fromDependencies[0]!);
    const id = known(() => asString(resource.props.securityGroupId));
    if (id === undefined) return undefined;
    const group = byId.get(id);
    return group ? groupRef(group) : { key: `id:${id}`, label: id };
  };
}

/**
 * Keys of groups that standalone rule resources in the stack point at. A group's `ingress` and
 * `egress` outputs list every rule AWS holds for it, standalone ones included, so for these
 * groups the lists mirror rules the stack check already reads and must not be read twice.
 * (Mixing inline and standalone rules on one group is what the AWS provider warns against.)
 */
export function groupsWithStandaloneRules(resources: readonly StackResource[], groupOf: (resource: StackResource) => GroupRef | undefined): Set<string> {
  const keys = new Set<string>();
  for (const resource of resources) {
    if (resource.type === AWS_SECURITY_GROUP) continue;
    const group = groupOf(resource);
    if (group) keys.add(group.key);
  }
  return keys;
}
