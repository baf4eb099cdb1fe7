/**
 * Registers a checked GCP translation with Pulumi (the register step of GcpClusterFirewall):
 * each group's identity (a new service account where one is needed), one compute.Firewall per
 * VPC rule, and the network firewall policy for FQDN egress. Nothing here decides anything;
 * the translation already holds every name, priority and range.
 */
import * as pulumi from "@pulumi/pulumi";
import * as compute from "@pulumi/gcp/compute";
import * as serviceaccount from "@pulumi/gcp/serviceaccount";
import type { DeferredCidrs } from "../firewall/peerInputs";
import { entries, firewallArgs, identityOf, type FirewallContext, type Identity as GcpIdentity } from "./gcpFirewallArgs";
import type { GroupIdentity, ResolvedGcpArgs } from "./gcpArgs";
import { gcpName } from "./gcpNames";
import type { GcpRuleSpec, GcpTranslation } from "./gcpRuleSpec";
import { formatAllows } from "./gcpSummary";

/** A group's identity once its resources exist. */
export type Identity = GcpIdentity<pulumi.Input<string>>;

/** What registration needs from the args besides the translation. */
export interface GcpRegisterInputs {
  readonly network: pulumi.Input<string>;
  readonly project: pulumi.Input<string> | undefined;
  /** Peer CIDRs given as Outputs: stand-ins in the translation are replaced by the checked values. */
  readonly cidrs: DeferredCidrs;
}

/** Registers everything under `parent`; returns node group -> its identity. */
export function registerGcpFirewall(parent: pulumi.Resource, resolved: ResolvedGcpArgs, translation: GcpTranslation, inputs: GcpRegisterInputs): Map<string, Identity> {
  const identities = new Map<string, Identity>();
  for (const [group, identity] of resolved.identities) identities.set(group, realize(parent, group, identity, resolved.plan.layout, inputs.project));
  const context: RuleContext = { identities, network: inputs.network, project: inputs.project, logging: resolved.logging, ranges: (cidrs) => inputs.cidrs.resolveAll(cidrs) };

  for (const rule of translation.rules.filter((r) => r.layer === "vpc")) {
    new compute.Firewall(rule.name, firewallArgs(rule, context), { parent, deleteBeforeReplace: true });
  }
  const policyRules = translation.rules.filter((r) => r.layer === "policy");
  if (policyRules.length > 0) registerPolicy(parent, resolved.translate.prefix, resolved.plan.layout, policyRules, context);

  for (const host of translation.hosts) {
    const text = `${host.group} -> ${host.host} (${formatAllows(host.allows)}): ${host.why}`;
    if (host.blocked) pulumi.log.warn(`blocked: ${text}`, parent);
    else pulumi.log.info(text, parent);
  }
  return identities;
}

/**
 * A group without a given service account gets a new one with no IAM roles: it grants nothing,
 * and only users allowed to act as it can start instances with it, which keeps the identity
 * the rules trust harder to borrow than a network tag.
 */
function realize(parent: pulumi.Resource, group: string, identity: GroupIdentity, layout: string, project: pulumi.Input<string> | undefined): Identity {
  if (identity.kind === "tag") return { kind: "tag", tag: identity.tag };
  if (identity.kind === "serviceAccount") return { kind: "serviceAccount", email: identity.email };
  const account = new serviceaccount.Account(
    identity.accountId,
    {
      accountId: identity.accountId,
      displayName: `kubeports ${layout} ${group}`.slice(0, 100),
      description: `Firewall identity of node group ${group} (kubeports layout ${layout}); has no IAM roles.`.slice(0, 256),
      ...(project === undefined ? {} : { project }),
    },
    { parent },
  );
  return { kind: "serviceAccount", email: account.email };
}

/** One policy holds all FQDN-mode egress rules, attached to the network. */
function registerPolicy(parent: pulumi.Resource, prefix: string, layout: string, rules: readonly GcpRuleSpec[], context: RuleContext): void {
  const name = gcpName(prefix, "egress");
  const project = context.project === undefined ? {} : { project: context.project };
  const policy = new compute.NetworkFirewallPolicy(name, { name, description: `kubeports ${layout}: node groups' egress (restrictEgress with fqdnEgress)`, ...project }, { parent });
  const attachmentTarget = pulumi
    .all([context.network, context.project])
    .apply(([network, projectId]) => (network.includes("/") || !projectId ? network : `projects/${projectId}/global/networks/${network}`));
  new compute.NetworkFirewallPolicyAssociation(name, { name, attachmentTarget, firewallPolicy: policy.id, ...project }, { parent });
  for (const rule of rules) new compute.NetworkFirewallPolicyRule(rule.name, policyRuleArgs(rule, policy.name, context), { parent: policy });
}

type RuleContext = FirewallContext<pulumi.Input<string>, pulumi.Input<string>, pulumi.Input<string[]>>;

function policyRuleArgs(rule: GcpRuleSpec, firewallPolicy: pulumi.Input<string>, context: RuleContext): compute.NetworkFirewallPolicyRuleArgs {
  const target = identityOf(context.identities, rule.group);
  if (target.kind !== "serviceAccount") throw new Error(`kubeports bug: policy rule ${rule.name} needs a service-account target`);
  const peer = rule.peer;
  return {
    firewallPolicy,
    ...(context.project === undefined ? {} : { project: context.project }),
    ruleName: rule.name,
    description: rule.description,
    direction: rule.direction,
    action: rule.action,
    priority: rule.priority,
    enableLogging: context.logging,
    targetServiceAccounts: [target.email],
    match: {
      layer4Configs: entries(rule.allows).map((entry) => ({ ipProtocol: entry.protocol, ...(entry.ports ? { ports: entry.ports } : {}) })),
      ...(peer.kind === "ranges" ? { destIpRanges: context.ranges(peer.ranges) } : {}),
      ...(peer.kind === "fqdns" ? { destFqdns: [...peer.fqdns] } : {}),
    },
  };
}
