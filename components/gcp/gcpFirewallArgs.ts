/**
 * A VPC rule spec -> the inputs of a gcp compute.Firewall. Pure and generic over how service
 * account emails and ranges are held (Pulumi Inputs in the component, plain strings in the replay
 * and the evaluator), so what `kubeports verify` and `diff --steps` read is what the component
 * registers.
 */
import type { GcpAllow } from "./gcpAllows";
import type { GcpRuleSpec } from "./gcpRuleSpec";

/** A group's identity once its resources exist. */
export type Identity<Email> = { readonly kind: "tag"; readonly tag: string } | { readonly kind: "serviceAccount"; readonly email: Email };

/** Where a rule's network, identities and ranges come from. */
export interface FirewallContext<Text, Email, Ranges> {
  readonly identities: ReadonlyMap<string, Identity<Email>>;
  readonly network: Text;
  readonly project: Text | undefined;
  readonly logging: boolean;
  /** Canonical CIDRs (stand-ins for Outputs included) -> what the rule lists. */
  ranges(cidrs: readonly string[]): Ranges;
}

export function identityOf<Email>(identities: ReadonlyMap<string, Identity<Email>>, group: string): Identity<Email> {
  const identity = identities.get(group);
  if (!identity) throw new Error(`kubeports bug: rule names group ${group}, which has no identity`);
  return identity;
}

/** Protocol entries as the providers take them. */
export function entries(allows: readonly GcpAllow[]): { protocol: string; ports?: string[] }[] {
  return allows.map((allow) => ({ protocol: allow.protocol, ...(allow.ports ? { ports: [...allow.ports] } : {}) }));
}

/** A rule's source groups: all tags or all service accounts (one kind per firewall). */
function sourceIdentities<Email>(sources: readonly Identity<Email>[]): { sourceTags: string[] } | { sourceServiceAccounts: Email[] } {
  const tags = sources.flatMap((source) => (source.kind === "tag" ? [source.tag] : []));
  const emails = sources.flatMap((source) => (source.kind === "serviceAccount" ? [source.email] : []));
  if (tags.length > 0 && emails.length > 0) throw new Error("kubeports bug: a rule mixes network tags and service accounts");
  return tags.length > 0 ? { sourceTags: tags } : { sourceServiceAccounts: emails };
}

/** The Firewall inputs for one VPC rule. Tags and service accounts are never mixed: every group has the same kind of identity. */
export function firewallArgs<Text, Email, Ranges>(rule: GcpRuleSpec, context: FirewallContext<Text, Email, Ranges>) {
  const target = identityOf(context.identities, rule.group);
  const peer = rule.peer;
  const sources = peer.kind === "groups" ? peer.groups.map((group) => identityOf(context.identities, group)) : [];
  const list = entries(rule.allows);
  return {
    name: rule.name,
    network: context.network,
    ...(context.project === undefined ? {} : { project: context.project }),
    description: rule.description,
    direction: rule.direction,
    priority: rule.priority,
    ...(rule.action === "allow" ? { allows: list } : { denies: list }),
    ...(target.kind === "tag" ? { targetTags: [target.tag] } : { targetServiceAccounts: [target.email] }),
    ...(sources.length > 0 ? sourceIdentities(sources) : {}),
    ...(peer.kind === "ranges" ? (rule.direction === "INGRESS" ? { sourceRanges: context.ranges(peer.ranges) } : { destinationRanges: context.ranges(peer.ranges) }) : {}),
    ...(context.logging ? { logConfig: { metadata: "INCLUDE_ALL_METADATA" } } : {}),
  };
}
