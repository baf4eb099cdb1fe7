/**
 * RancherNodesSecurityGroup: the `rancher-nodes` group Rancher's AWS EC2 node driver uses,
 * created ahead of time so its rules are reviewed code instead of driver side effects.
 * The rules are the compiled `rancher-nodes` profile: by default exactly the table in
 * Rancher's docs (seed 004), egress included; `driverRules` adds what the driver opens today;
 * `adminCidrs` moves SSH, Docker TLS and the Kubernetes API off the internet.
 *
 * ```ts
 * const nodes = new RancherNodesSecurityGroup("rancher", {
 *   vpcId: vpc.id,
 *   adminCidrs: ["192.0.2.0/24"],
 * });
 * // Node template: securityGroup: ["rancher-nodes"], and "Security group read-only" (see driverCaveats).
 * ```
 */
import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { KubeportsError } from "../model/errors";
import type { Layout } from "../model/layout";
import type { Plan, PlanWarning } from "../model/plan";
import { planAwsFirewall } from "./awsRules";
import type { AwsRuleSummary } from "./awsSpec";
import { formatZodIssues } from "../layout/formatZodIssues";
import { componentError, planFromSource } from "../firewall/planSource";
import { strictArgs, vpcIdIssues, withRenamedFrom } from "./firewallArgs";
import { registerFirewall } from "./registerFirewall";
import { checkRancherNodesArgs } from "../args/rancherNodesArgsCheck";

/** The name and the tag key rancher/machine's amazonec2 driver looks for. */
export const RANCHER_NODES = "rancher-nodes";

/** The arguments of {@link RancherNodesSecurityGroup}. */
export interface RancherNodesSecurityGroupArgs {
  /** The VPC the node driver launches machines in (the group name is unique per VPC). */
  vpcId: pulumi.Input<string>;
  /** Open what the amazonec2 driver opens today instead of the docs table: TCP 8443 from the world, every world rule also from ::/0, TCP 9345, 5473, 9796 and 179 within the group, egress to ::/0. */
  driverRules?: boolean;
  /** Admin networks: SSH 22, Docker TLS 2376 and the Kubernetes API 6443 from these CIDRs (and the API from the group) instead of 0.0.0.0/0. */
  adminCidrs?: string[];
  /** Tags for the group and every rule. */
  tags?: Record<string, string>;
  /**
   * The rename path: the component's name before you renamed it. The group keeps its name
   * `rancher-nodes`, its description and its rules (Pulumi aliases); without it, a rename tries
   * to create a second `rancher-nodes` group in the VPC, which AWS refuses.
   */
  renamedFrom?: string;
}

/** The `rancher-nodes` security group Rancher's EC2 node driver uses, created ahead of time from the rancher-nodes profile. */
export class RancherNodesSecurityGroup extends pulumi.ComponentResource {
  /** Id of the `rancher-nodes` security group. */
  declare readonly securityGroupId: pulumi.Output<string>;
  /** The group's rules, for review. */
  declare readonly rules: readonly AwsRuleSummary[];
  /** Every rule still open to the world, as the plan warns about it (also logged). */
  declare readonly warnings: readonly PlanWarning[];
  /** What the node driver would add on its own to this tagged group, and how to stop it (also logged). */
  declare readonly driverCaveats: readonly string[];
  /** The compiled plan of the rancher-nodes profile the rules come from. */
  declare readonly plan: Plan;

  constructor(name: string, args: RancherNodesSecurityGroupArgs, opts?: pulumi.ComponentResourceOptions) {
    checkRancherNodesArgs(name, args);
    const { plan, spec } = resolveRancherNodes(name, args);
    super("kubeports:index:RancherNodesSecurityGroup", name, {}, withRenamedFrom(opts, args.renamedFrom, name));

    const ids = registerFirewall(this, spec, { vpcId: args.vpcId, existingIds: {}, prefixListIds: {} });
    this.securityGroupId = ids[RANCHER_NODES]!;
    this.rules = spec.summary[RANCHER_NODES]!.rules;
    this.warnings = spec.warnings;
    this.driverCaveats = driverCaveats(args);
    this.plan = plan;
    for (const warning of this.warnings) void pulumi.log.warn(warning.message, this);
    for (const caveat of this.driverCaveats) void pulumi.log.warn(caveat, this);
    this.registerOutputs({ securityGroupId: this.securityGroupId, rules: this.rules, warnings: this.warnings.map((w) => w.message) });
  }
}

/** The layout behind the group: one node group with the profile's one role. */
export function rancherNodesLayout(args: Pick<RancherNodesSecurityGroupArgs, "driverRules" | "adminCidrs">): Layout {
  const adminOnly = args.adminCidrs !== undefined;
  return {
    name: RANCHER_NODES,
    profiles: [RANCHER_NODES],
    options: { rancherNodesRules: args.driverRules ? "driver" : "docs", rancherNodesAdminOnly: adminOnly },
    groups: { [RANCHER_NODES]: { roles: ["rancherNode"] } },
    ...(adminOnly ? { peers: { admin: args.adminCidrs! } } : {}),
  };
}

const argsSchema = strictArgs(
  {
    vpcId: z.unknown().refine((value) => value !== undefined && value !== null && value !== "", "give the id of the VPC the node driver launches machines in"),
    driverRules: z.boolean().optional(),
    adminCidrs: z.array(z.string()).min(1, "give at least one CIDR of your admin networks, or leave adminCidrs out to keep the documented 0.0.0.0/0").optional(),
    tags: z.record(z.string(), z.string()).optional(),
    renamedFrom: z.string().min(1, "give the component's previous name, or leave renamedFrom out").optional(),
  },
  ["vpcId", "driverRules", "adminCidrs", "tags", "renamedFrom"],
);

function resolveRancherNodes(name: string, args: RancherNodesSecurityGroupArgs) {
  const component = "RancherNodesSecurityGroup";
  const parsed = argsSchema.safeParse(args ?? {}, { reportInput: true });
  if (!parsed.success) throw componentError(component, name, formatZodIssues("args", parsed.error));
  const issues = vpcIdIssues(args.vpcId);
  if (issues.length > 0) throw componentError(component, name, issues);

  const compiled = planFromSource({ layout: rancherNodesLayout(args) });
  if (!compiled.plan) {
    // The layout is fixed but for adminCidrs, so point layout.peers.admin errors at the arg.
    const mapped = compiled.issues.map((issue) => ({ ...issue, path: issue.path.replace(/^layout\.peers\.admin/, "args.adminCidrs") }));
    throw componentError(component, name, mapped);
  }
  const spec = translate(component, name, () => planAwsFirewall(compiled.plan!, {
    name,
    ...(args.renamedFrom !== undefined && args.renamedFrom !== name ? { previousName: args.renamedFrom } : {}),
    groups: { [RANCHER_NODES]: { name: RANCHER_NODES } },
    // The table lists the egress too, so the group gets exactly that, not kubeports' default.
    restrictEgress: true,
    tags: args.tags ?? {},
    groupTags: { [RANCHER_NODES]: "kubeports" },
  }));
  return { plan: compiled.plan, spec };
}

/** Runs the translation; its limit errors carry the component's subject like every other error. */
function translate<T>(component: string, name: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof KubeportsError) throw componentError(component, name, error.issues);
    throw error;
  }
}

/**
 * rancher/machine fills missing rules into a group named rancher-nodes that carries the
 * rancher-nodes tag, per port and family, every time it creates a machine. Only the full
 * driver set without adminCidrs leaves it nothing to add.
 */
function driverCaveats(args: RancherNodesSecurityGroupArgs): string[] {
  if (args.driverRules && args.adminCidrs === undefined) return [];
  const adds = args.adminCidrs !== undefined
    ? "TCP 22, 2376 and 6443 from ::/0" + (args.driverRules ? "" : ", TCP 8443 from 0.0.0.0/0 and ::/0, the other world ports from ::/0, TCP 9345, 5473, 9796 and 179 within the group and egress to ::/0")
    : "TCP 8443 from 0.0.0.0/0 and ::/0, every world port from ::/0, TCP 9345, 5473, 9796 and 179 within the group and egress to ::/0";
  return [
    `Rancher's amazonec2 node driver adds its own rules to the tagged rancher-nodes group when it creates a machine (here: ${adds}), outside Pulumi. Enable "Security group read-only" (amazonec2-security-group-readonly) in the node template to keep exactly this rule set.`,
  ];
}
