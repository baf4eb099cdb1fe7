/** Firewall rules a mocked run registered, per kubeports component (the rules' nearest component ancestor). */
import type { PreviewResource } from "../../components/preview/previewStack";

export const RULE_TYPES: readonly string[] = [
  "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
  "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
  "gcp:compute/firewall:Firewall",
  "gcp:compute/networkFirewallPolicyRule:NetworkFirewallPolicyRule",
  "azure-native:network:SecurityRule",
];

export interface ComponentRules {
  /** Component type, e.g. kubeports:index:AwsClusterFirewall. */
  readonly type: string;
  readonly name: string;
  readonly rules: number;
}

function isComponent(resource: PreviewResource): boolean {
  return resource.type.startsWith("kubeports:");
}

export function rulesByComponent(resources: readonly PreviewResource[]): ComponentRules[] {
  const byName = new Map<string, PreviewResource[]>();
  for (const r of resources) byName.set(r.name, [...(byName.get(r.name) ?? []), r]);
  // Parents are known by name only: prefer the component, else any resource of that name.
  const parentOf = (r: PreviewResource) => (r.parent === null ? undefined : (byName.get(r.parent)?.find(isComponent) ?? byName.get(r.parent)?.[0]));
  const counts = new Map<string, ComponentRules>();
  for (const rule of resources.filter((r) => RULE_TYPES.includes(r.type))) {
    let owner = parentOf(rule);
    while (owner && !isComponent(owner)) owner = parentOf(owner);
    const key = owner ? `${owner.type}|${owner.name}` : "|(no component)";
    const entry = counts.get(key) ?? { type: owner?.type ?? "", name: owner?.name ?? "(no component)", rules: 0 };
    counts.set(key, { ...entry, rules: entry.rules + 1 });
  }
  return [...counts.values()].sort((a, b) => a.name.localeCompare(b.name) || a.type.localeCompare(b.type));
}
