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
import { contractOutputs, logWarnings, type ClusterFirewallOutputs } from "../firewall/firewallOutputs";
import { componentSubject } from "../firewall/planSource";
import { DeferredCidrs, firewallWarnings, type FirewallWarning } from "../firewall/peerInputs";
import type { Plan } from "../model/plan";
import { resolveGcpArgs, type GcpClusterFirewallArgs } from "./gcpArgs";
import { translatePlan } from "./gcpRules";
import type { GcpTranslation, UnexpressedHost } from "./gcpRuleSpec";
import { rulesByGroup, summarize } from "./gcpSummary";
import { registerGcpFirewall } from "./registerGcpFirewall";
import { checkGcpClusterFirewallArgs } from "../args/gcpClusterFirewallArgsCheck";

export type { GcpClusterFirewallArgs, GcpGroupIdentityArgs } from "./gcpArgs";

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
    checkGcpClusterFirewallArgs(name, args);
    const resolved = resolveGcpArgs(name, args);
    const translation = translatePlan(resolved.plan, resolved.translate);
    super("kubeports:index:GcpClusterFirewall", name, {}, opts);
    this.translation = translation;
    this.plan = resolved.plan;
    const cidrs = new DeferredCidrs(resolved.plan, resolved.deferred, { subject: componentSubject("GcpClusterFirewall", name), resource: this });

    // Register.
    const identities = registerGcpFirewall(this, resolved, translation, { network: args.network, project: args.project, cidrs });

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

}
