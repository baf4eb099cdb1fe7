/**
 * AwsClusterFirewall: a kubeports plan as AWS security groups, one per node group, with one
 * vpc.SecurityGroupIngressRule / SecurityGroupEgressRule per rule.
 *
 * ```ts
 * import * as ec2 from "@pulumi/aws/ec2";
 * import { AwsClusterFirewall } from "kubeports";
 *
 * const firewall = new AwsClusterFirewall("prod", {
 *   vpcId: vpc.id,
 *   layout: {
 *     name: "prod",
 *     profiles: ["kubernetes"],
 *     groups: {
 *       "control-plane": { roles: ["controlPlane", "etcd"] },
 *       workers: { roles: ["worker"] },
 *     },
 *     peers: { apiClients: ["10.20.0.0/16"] },
 *   },
 *   // One layout, several sites: these peers replace the layout's peers of the same name.
 *   peers: { admin: ["192.0.2.0/24"] },
 *   // Flows from the office peer's CIDRs become one rule per port range on this list.
 *   prefixLists: { office: officeList.id },
 *   // Put the workers' rules into a group another stack owns.
 *   groups: { workers: { existingSecurityGroupId: eksNodeGroupSecurityGroupId } },
 *   restrictEgress: true, // exactly the plan's egress; default: allow all (IPv4 and IPv6)
 *   tags: { team: "platform" },
 * });
 *
 * new ec2.LaunchTemplate("cp", {
 *   vpcSecurityGroupIds: firewall.securityGroupIds.apply((ids) => [ids["control-plane"]!]),
 * });
 * export const review = firewall.rules; // per node group: direction, protocol, ports, peer, description, why
 * ```
 *
 * Logical names come from content (`prod-workers-in-tcp-10250-from-control-plane`), so adding
 * a port adds one resource and renames nothing. Bad args, layouts, plans and AWS limits
 * (60 rules per group and family, names, descriptions, duplicates) are all reported in one
 * KubeportsError before anything is registered.
 */
import * as pulumi from "@pulumi/pulumi";
import { contractOutputs, logWarnings, type ClusterFirewallOutputs } from "../firewall/firewallOutputs";
import { componentSubject } from "../firewall/planSource";
import { DeferredCidrs, firewallWarnings, type FirewallWarning, type LayoutInput, type PeerCidrInputs } from "../firewall/peerInputs";
import type { Plan } from "../model/plan";
import type { AwsGroupSummary, AwsRuleSummary } from "./awsSpec";
import { checkAwsClusterFirewallArgs } from "../args/awsClusterFirewallArgsCheck";
import { resolveFirewallArgs, withRenamedFrom } from "./firewallArgs";
import { registerFirewall } from "./registerFirewall";

/** Per node group settings. */
export interface AwsClusterFirewallNodeGroupArgs {
  /**
   * Add this node group's rules to this existing security group id instead of creating a group (for composing into existing stacks).
   * Its own egress rules are left alone (no allow-all copy, which AWS would reject as a duplicate); restrictEgress adds the plan's egress.
   * Its existing rules count toward the same per-group quota, which kubeports cannot see.
   */
  existingSecurityGroupId?: pulumi.Input<string>;
  /** AWS name of the created group; default `<component name>-<node group>`. Must not start with "sg-"; changing it replaces the group. */
  name?: string;
  /**
   * The rename path: this node group's name before you renamed it in the layout. Its security
   * group keeps its AWS name and description and its rules stay in place (Pulumi aliases), so
   * the update changes tags only. Keep it until every stack has run `pulumi up` once.
   */
  previousName?: string;
}

/** The arguments of {@link AwsClusterFirewall}. */
export interface AwsClusterFirewallArgs {
  /** The layout to compile (profiles, options, node groups, peers). Give this or `plan`. Peer CIDRs may be Outputs. */
  layout?: LayoutInput;
  /** An already compiled plan (for example from `kubeports plan`). Give this or `layout`. */
  plan?: Plan;
  /** The VPC the security groups are created in. */
  vpcId: pulumi.Input<string>;
  /**
   * Peer name -> CIDRs, merged over the layout's peers before compiling, so one layout serves several sites. Only with `layout`.
   * Each CIDR may be an Output (`vpc.cidrBlock`): see "Inputs" in the README for what is checked when.
   */
  peers?: PeerCidrInputs;
  /** Peer name -> managed prefix list id holding that peer's CIDRs: its flows become one rule per port range with prefixListId instead of one per CIDR. */
  prefixLists?: Record<string, pulumi.Input<string>>;
  /** Tags for every security group and rule, besides kubeports' own (Name, managed-by, kubeports:node-group, kubeports:sources). Values may be Outputs. */
  tags?: Record<string, pulumi.Input<string>>;
  /** Per node group settings, keyed by node group name. */
  groups?: Record<string, AwsClusterFirewallNodeGroupArgs>;
  /** false (default): every created group may send anything (0.0.0.0/0 and ::/0, re-created because the provider removes AWS's default). true: exactly the plan's egress flows. */
  restrictEgress?: boolean;
  /** Your account's "rules per security group" quota if raised from the default 60. */
  rulesPerGroupQuota?: number;
  /**
   * The rename path: the component's name before you renamed it. Every group keeps its AWS name
   * and description and every rule stays in place (Pulumi aliases from the old logical names);
   * without it, a rename re-creates identical rules, which AWS refuses. Keep it until every stack
   * has run `pulumi up` once.
   */
  renamedFrom?: string;
}

/** A kubeports plan as AWS security groups (one per node group) and standalone vpc rules. */
export class AwsClusterFirewall extends pulumi.ComponentResource implements ClusterFirewallOutputs {
  /** Node group -> security group id: what a launch template or node group attaches. */
  declare readonly securityGroupIds: pulumi.Output<Record<string, string>>;
  /** Node group -> its rules, for review: direction, protocol, ports, peer, description and the documented rows behind each. */
  declare readonly rules: Readonly<Record<string, readonly AwsRuleSummary[]>>;
  /** Node group -> rules plus egress mode, quota use and host-name egress that security groups cannot express. */
  declare readonly summary: Readonly<Record<string, AwsGroupSummary>>;
  /** The same as securityGroupIds (the name all three clouds share). */
  declare readonly groupIds: pulumi.Output<Record<string, string>>;
  declare readonly ruleLines: pulumi.Output<Record<string, string[]>>;
  declare readonly summaryText: pulumi.Output<string>;
  /** World openings the vendor documents prescribe, and peer CIDRs checked only when known (also logged as warnings). */
  declare readonly warnings: readonly FirewallWarning[];
  declare readonly plan: Plan;

  constructor(name: string, args: AwsClusterFirewallArgs, opts?: pulumi.ComponentResourceOptions) {
    // Translate (everything checked before super(): a failure registers nothing, not even the component).
    checkAwsClusterFirewallArgs(name, args);
    const { plan, spec, deferred, outputTags } = resolveFirewallArgs(name, args);
    super("kubeports:index:AwsClusterFirewall", name, {}, withRenamedFrom(opts, args.renamedFrom, name));

    // Register.
    const subject = componentSubject("AwsClusterFirewall", name);
    const cidrs = new DeferredCidrs(plan, deferred, { subject, resource: this });
    const ids = registerFirewall(this, spec, {
      vpcId: args.vpcId,
      existingIds: Object.fromEntries(
        Object.entries(args.groups ?? {}).flatMap(([group, given]) =>
          given.existingSecurityGroupId !== undefined ? [[group, given.existingSecurityGroupId]] : [],
        ),
      ),
      prefixListIds: args.prefixLists ?? {},
      cidrs,
      outputTags,
      subject,
    });
    this.securityGroupIds = pulumi.output(ids);
    this.groupIds = this.securityGroupIds;
    this.summary = spec.summary;
    this.rules = Object.fromEntries(Object.entries(spec.summary).map(([group, summary]) => [group, summary.rules]));
    this.ruleLines = cidrs.substitute(Object.fromEntries(Object.entries(this.rules).map(([group, rules]) => [group, rules.map(awsRuleLine)])));
    this.summaryText = cidrs.substitute(awsSummaryText(plan.layout, spec.summary));
    this.warnings = firewallWarnings(plan, deferred);
    this.plan = plan;
    logWarnings(this, this.warnings);
    this.registerOutputs({ securityGroupIds: this.securityGroupIds, rules: this.rules, ...contractOutputs(this) });
  }
}

/** "prod-workers-in-tcp-10250-from-masters  ingress tcp 10250  group masters". */
function awsRuleLine(rule: AwsRuleSummary): string {
  return `${rule.name}  ${rule.direction} ${rule.protocol} ${rule.ports}  ${rule.peer}`;
}

function awsSummaryText(layout: string, summary: Readonly<Record<string, AwsGroupSummary>>): string {
  const groups = Object.values(summary);
  const lines = [`AWS security groups for layout "${layout}": ${groups.length} group(s), ${groups.reduce((n, g) => n + g.rules.length, 0)} rule(s).`];
  for (const group of groups) {
    lines.push(`${group.group}: ${group.existing ? "existing group" : `security group ${group.securityGroupName}`}, egress ${group.egress}`);
    lines.push(...(group.rules.length > 0 ? group.rules.map((rule) => `  ${awsRuleLine(rule)}`) : ["  (no rules)"]));
    for (const host of group.hostEgress) lines.push(`  -> ${host.host} ${host.protocol} ${host.ports}: ${host.note}`);
  }
  return lines.join("\n");
}
