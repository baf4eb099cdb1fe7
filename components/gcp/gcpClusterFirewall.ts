/**
 * GcpClusterFirewall: a kubeports plan as GCP VPC firewall rules (and, with fqdnEgress, a
 * network firewall policy). Every argument is checked and every rule computed before anything
 * is registered, so a bad input leaves no half-built firewall.
 *
 * Usage with an existing network:
 *
 * ```ts
 * import { GcpClusterFirewall } from "kubeports"; // re-exported from components/gcp
 *
 * const firewall = new GcpClusterFirewall("prod", {
 *   network: "projects/acme-prod/global/networks/k8s",   // or just "k8s" with project
 *   project: "acme-prod",
 *   layout: {
 *     name: "prod",
 *     profiles: ["super-kubenetes"],
 *     groups: { masters: { roles: ["controlPlane", "etcd"] }, workers: { roles: ["worker"] } },
 *     peers: { admin: ["203.0.113.0/24"] },
 *   },
 * });
 * // Put each group's tags on its instance template, e.g. firewall.targetTags.apply((t) => t.workers).
 * export const tags = firewall.targetTags;
 * export const rules = firewall.summary;
 * ```
 */
import * as pulumi from "@pulumi/pulumi";
import * as compute from "@pulumi/gcp/compute";
import * as serviceaccount from "@pulumi/gcp/serviceaccount";
import { contractOutputs, logWarnings, type ClusterFirewallOutputs } from "../firewall/firewallOutputs";
import { componentSubject } from "../firewall/planSource";
import { DeferredCidrs, firewallWarnings, type FirewallWarning } from "../firewall/peerInputs";
import type { Plan } from "../model/plan";
import type { GcpAllow } from "./gcpAllows";
import { resolveGcpArgs, type GcpClusterFirewallArgs, type GroupIdentity } from "./gcpArgs";
import { gcpName } from "./gcpNames";
import { translatePlan } from "./gcpRules";
import type { GcpRuleSpec, GcpTranslation, UnexpressedHost } from "./gcpRuleSpec";
import { formatAllows, rulesByGroup, summarize } from "./gcpSummary";

export type { GcpClusterFirewallArgs, GcpGroupIdentityArgs } from "./gcpArgs";

/** A group's identity once its resources exist. */
type Identity = { readonly kind: "tag"; readonly tag: string } | { readonly kind: "serviceAccount"; readonly email: pulumi.Input<string> };

/** A kubeports plan as GCP VPC firewall rules, targeting node groups by network tag or service account. */
export class GcpClusterFirewall extends pulumi.ComponentResource implements ClusterFirewallOutputs {
  /** Node group -> network tags to put on its instance templates (empty with useServiceAccounts). */
  readonly targetTags: pulumi.Output<Record<string, string[]>>;
  /** Node group -> service-account email its instances must run as (empty with network tags). */
  readonly serviceAccounts: pulumi.Output<Record<string, string>>;
  /** GCP names of every rule created (VPC firewall rules and policy rules). */
  readonly ruleNames: pulumi.Output<string[]>;
  /** Outbound host names that no rule allows, and whether they are blocked. */
  readonly unexpressedHosts: pulumi.Output<UnexpressedHost[]>;
  /** Plain-text account of identities, rules, hosts and notes (the same as summaryText). */
  readonly summary: pulumi.Output<string>;
  /** The computed rules, as plain data (the same the resources were built from). */
  readonly translation: GcpTranslation;
  /** Node group -> its network tag, or its service account's email with useServiceAccounts. */
  readonly groupIds: pulumi.Output<Record<string, string>>;
  readonly ruleLines: pulumi.Output<Record<string, string[]>>;
  readonly summaryText: pulumi.Output<string>;
  readonly warnings: readonly FirewallWarning[];
  readonly plan: Plan;

  constructor(name: string, args: GcpClusterFirewallArgs, opts?: pulumi.ComponentResourceOptions) {
    // Translate: args -> plan -> rule specs, all checked before anything is registered.
    const resolved = resolveGcpArgs(name, args);
    const translation = translatePlan(resolved.plan, resolved.translate);
    super("kubeports:index:GcpClusterFirewall", name, {}, opts);
    this.translation = translation;
    this.plan = resolved.plan;
    const cidrs = new DeferredCidrs(resolved.plan, resolved.deferred, { subject: componentSubject("GcpClusterFirewall", name), resource: this });

    // Register.
    const identities = new Map<string, Identity>();
    for (const [group, identity] of resolved.identities) identities.set(group, this.realize(group, identity, resolved.plan.layout, args.project));
    const context: RuleContext = { identities, network: args.network, project: args.project, logging: resolved.logging, cidrs };

    for (const rule of translation.rules.filter((r) => r.layer === "vpc")) {
      new compute.Firewall(rule.name, firewallArgs(rule, context), { parent: this, deleteBeforeReplace: true });
    }
    const policyRules = translation.rules.filter((r) => r.layer === "policy");
    if (policyRules.length > 0) this.policy(resolved.translate.prefix, resolved.plan.layout, policyRules, context);

    for (const host of translation.hosts) {
      const text = `${host.group} -> ${host.host} (${formatAllows(host.allows)}): ${host.why}`;
      if (host.blocked) pulumi.log.warn(`blocked: ${text}`, this);
      else pulumi.log.info(text, this);
    }

    const tags = Object.fromEntries([...identities].flatMap(([group, id]) => (id.kind === "tag" ? [[group, [id.tag]]] : [])));
    const accounts = [...identities].flatMap(([group, id]) => (id.kind === "serviceAccount" ? [[group, id.email] as const] : []));
    this.targetTags = pulumi.output(tags);
    this.serviceAccounts = pulumi.all(accounts.map(([, email]) => email)).apply((emails) => Object.fromEntries(accounts.map(([group], i) => [group, emails[i]!])));
    this.ruleNames = pulumi.output(translation.rules.map((rule) => rule.name));
    this.unexpressedHosts = pulumi.output([...translation.hosts]);
    this.summary = this.serviceAccounts.apply((emails) =>
      summarize(
        resolved.plan,
        translation,
        [...identities].map(([group, id]) => (id.kind === "tag" ? `${group}: network tag ${id.tag}` : `${group}: service account ${emails[group]}`)),
      ),
    ).apply((text) => cidrs.substitute(text));
    this.summaryText = this.summary;
    this.groupIds = this.serviceAccounts.apply((emails) => Object.fromEntries([...identities].map(([group, id]) => [group, id.kind === "tag" ? id.tag : emails[group]!])));
    this.ruleLines = cidrs.substitute(rulesByGroup(resolved.plan, translation));
    this.warnings = firewallWarnings(resolved.plan, resolved.deferred);
    logWarnings(this, this.warnings);
    this.registerOutputs({
      ...contractOutputs(this),
      targetTags: this.targetTags,
      serviceAccounts: this.serviceAccounts,
      ruleNames: this.ruleNames,
      unexpressedHosts: this.unexpressedHosts,
      summary: this.summary,
    });
  }

  /**
   * A group without a given service account gets a new one with no IAM roles: it grants nothing,
   * and only users allowed to act as it can start instances with it, which keeps the identity
   * the rules trust harder to borrow than a network tag.
   */
  private realize(group: string, identity: GroupIdentity, layout: string, project: pulumi.Input<string> | undefined): Identity {
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
      { parent: this },
    );
    return { kind: "serviceAccount", email: account.email };
  }

  /** One policy holds all FQDN-mode egress rules, attached to the network. */
  private policy(prefix: string, layout: string, rules: readonly GcpRuleSpec[], context: RuleContext): void {
    const name = gcpName(prefix, "egress");
    const project = context.project === undefined ? {} : { project: context.project };
    const policy = new compute.NetworkFirewallPolicy(name, { name, description: `kubeports ${layout}: node groups' egress (restrictEgress with fqdnEgress)`, ...project }, { parent: this });
    const attachmentTarget = pulumi
      .all([context.network, context.project])
      .apply(([network, projectId]) => (network.includes("/") || !projectId ? network : `projects/${projectId}/global/networks/${network}`));
    new compute.NetworkFirewallPolicyAssociation(name, { name, attachmentTarget, firewallPolicy: policy.id, ...project }, { parent: this });
    for (const rule of rules) new compute.NetworkFirewallPolicyRule(rule.name, policyRuleArgs(rule, policy.name, context), { parent: policy });
  }
}

interface RuleContext {
  readonly identities: ReadonlyMap<string, Identity>;
  readonly network: pulumi.Input<string>;
  readonly project: pulumi.Input<string> | undefined;
  readonly logging: boolean;
  readonly cidrs: DeferredCidrs;
}

function identityOf(context: RuleContext, group: string): Identity {
  const identity = context.identities.get(group);
  if (!identity) throw new Error(`kubeports bug: rule names group ${group}, which has no identity`);
  return identity;
}

function entries(allows: readonly GcpAllow[]): { protocol: string; ports?: string[] }[] {
  return allows.map((allow) => ({ protocol: allow.protocol, ...(allow.ports ? { ports: [...allow.ports] } : {}) }));
}

/** Tags and service accounts are never mixed: every group has the same kind of identity. */
function firewallArgs(rule: GcpRuleSpec, context: RuleContext): compute.FirewallArgs {
  const target = identityOf(context, rule.group);
  const peer = rule.peer;
  const source = peer.kind === "group" ? identityOf(context, peer.group) : undefined;
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
    ...(source ? (source.kind === "tag" ? { sourceTags: [source.tag] } : { sourceServiceAccounts: [source.email] }) : {}),
    ...(peer.kind === "ranges" ? (rule.direction === "INGRESS" ? { sourceRanges: context.cidrs.resolveAll(peer.ranges) } : { destinationRanges: context.cidrs.resolveAll(peer.ranges) }) : {}),
    ...(context.logging ? { logConfig: { metadata: "INCLUDE_ALL_METADATA" } } : {}),
  };
}

function policyRuleArgs(rule: GcpRuleSpec, firewallPolicy: pulumi.Input<string>, context: RuleContext): compute.NetworkFirewallPolicyRuleArgs {
  const target = identityOf(context, rule.group);
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
      ...(peer.kind === "ranges" ? { destIpRanges: context.cidrs.resolveAll(peer.ranges) } : {}),
      ...(peer.kind === "fqdns" ? { destFqdns: [...peer.fqdns] } : {}),
    },
  };
}
