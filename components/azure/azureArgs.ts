/**
 * AzureClusterFirewall's arguments: the interface users write, and the checks that turn them into
 * a plan and translation options. Everything is checked here, before any resource exists.
 */
import type * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { podRoutingIssues } from "../connectivity/podRouting";
import { componentError, planFromSource } from "../firewall/planSource";
import { splitPeers, type DeferredCidr, type LayoutInput, type PeerCidrInputs } from "../firewall/peerInputs";
import { parseCidr } from "../model/cidr";
import type { InputIssue } from "../model/errors";
import type { Plan } from "../model/plan";
import { knownList } from "../model/suggest";
import { formatZodIssues } from "../layout/formatZodIssues";
import { AZURE_NAME_RULE, azureName, isAzureName, namePrefix } from "./azureNames";
import { ALLOW_MAX, DENY_BAND, MAX_PRIORITY, MIN_PRIORITY } from "./azurePriorities";
import type { AzureTranslateOptions } from "./azureRuleSpec";

/** How one node group is identified in rules. Leave it out to let kubeports create an ASG. */
export interface AzureGroupArgs {
  /**
   * Resource id of an existing application security group the group's NICs (or scale set IP
   * configurations) already belong to. Default: kubeports creates "<component>-<group>".
   */
  existingApplicationSecurityGroupId?: pulumi.Input<string>;
}

/** An inclusive range of NSG priorities, e.g. { from: 100, to: 199 }. */
export interface AzurePriorityBandArgs {
  /** First priority of the band (100-4096). */
  from: number;
  /** Last priority of the band, at least `from`. */
  to: number;
}

export interface AzureClusterFirewallArgs {
  /** The layout to compile (profiles, options, node groups, peers). Give this or `plan`. Peer CIDRs may be Outputs. */
  layout?: LayoutInput;
  /** A plan from `compile()` or `kubeports plan --format json`. Give this or `layout`. */
  plan?: Plan;
  /** Resource group of the NSG and ASGs (an existing NSG must be in it). */
  resourceGroupName: pulumi.Input<string>;
  /** Region of created NSG and ASGs. Default: the resource group's. */
  location?: pulumi.Input<string>;
  /** Peer name -> CIDRs, merged over the layout's peers before compiling (layout only; a name given here replaces the layout's). Each CIDR may be an Output. */
  peers?: PeerCidrInputs;
  /** Add the rules to this existing NSG (in resourceGroupName) instead of creating one. */
  existingNetworkSecurityGroupName?: pulumi.Input<string>;
  /** Per node group: an existing application security group. */
  groups?: Record<string, AzureGroupArgs>;
  /**
   * A band of priorities kubeports never assigns, for your own rules in the same NSG. Adding or
   * moving the band renumbers only kubeports rules that were inside it.
   */
  reservedPriorities?: AzurePriorityBandArgs;
  /**
   * Rule name -> priority, for rules that must sit at a fixed priority. kubeports derives every
   * other priority from the rule's identity and never moves a pinned one. Needed only when two
   * rules collide (kubeports names both and suggests a free value).
   */
  priorities?: Record<string, number>;
  /**
   * Peer name (or a profile's address label) -> Azure service tag used instead of its CIDRs, e.g.
   * { loadBalancer: "AzureLoadBalancer" }. The peer still needs CIDRs in the layout; they document
   * what the tag stands for. 0.0.0.0/0 is never turned into "Internet" unless mapped here.
   */
  serviceTags?: Record<string, string>;
  /**
   * Express IP-in-IP rows (Calico IPIP) as "*"-protocol rules. Default false: such layouts fail,
   * because NSGs cannot name IP protocol 4 and Azure's network drops IP-in-IP; use Calico VXLAN.
   */
  allowIpInIpAsAnyProtocol?: boolean;
  /**
   * Deny all outbound from the cluster's ASGs except the plan's outbound flows. Default false:
   * Azure's default rules allow all outbound, and no outbound rules are created.
   */
  restrictEgress?: boolean;
  /**
   * Keep Azure's AllowVnetInBound in force, so every address in the virtual network (and peered
   * or VPN-connected networks) reaches every port of the nodes. Default false: kubeports adds deny
   * rules at 4087-4096 so the plan's inbound rules are the nodes' boundary inside the network too.
   */
  allowVirtualNetworkInbound?: boolean;
}

/** A group's ASG before Pulumi resources exist: the one to create, or an existing id. */
export type GroupAsg = { readonly kind: "create"; readonly name: string } | { readonly kind: "existing"; readonly id: pulumi.Input<string> };

export interface ResolvedAzureArgs {
  readonly plan: Plan;
  /** Peer CIDRs given as Outputs: planned with stand-ins, registered with their values. */
  readonly deferred: readonly DeferredCidr[];
  readonly translate: AzureTranslateOptions;
  /** Every plan group, in plan order. */
  readonly asgs: ReadonlyMap<string, GroupAsg>;
}

const ASG_ID = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Network\/applicationSecurityGroups\/[^/]+$/i;
/** Service tag names: "Internet", "AzureLoadBalancer", "Storage.WestEurope". */
const SERVICE_TAG = /^[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)*$/;
const ARG_NAMES = [
  "layout", "plan", "resourceGroupName", "location", "peers", "existingNetworkSecurityGroupName", "groups",
  "reservedPriorities", "priorities", "serviceTags", "allowIpInIpAsAnyProtocol", "restrictEgress", "allowVirtualNetworkInbound",
];

const cidr = z.string().superRefine((text, ctx) => {
  try {
    parseCidr(text);
  } catch (error) {
    ctx.addIssue({ code: "custom", message: (error as Error).message });
  }
});

const flag = (name: string) =>
  z
    .unknown()
    .superRefine((value, ctx) => {
      if (typeof value !== "boolean") ctx.addIssue({ code: "custom", message: `${JSON.stringify(value)} is not allowed: ${name} is true or false` });
    })
    .optional();

const priority = z.unknown().superRefine((value, ctx) => {
  if (typeof value !== "number" || !Number.isInteger(value) || value < MIN_PRIORITY || value > MAX_PRIORITY) {
    ctx.addIssue({ code: "custom", message: `${JSON.stringify(value)} is not allowed: NSG priorities are whole numbers from ${MIN_PRIORITY} to ${MAX_PRIORITY}` });
  }
});

/** Plain (non-Output) fields; Inputs such as resourceGroupName are checked where they are plain strings. */
const argsSchema = z.strictObject(
  {
    layout: z.unknown().optional(),
    plan: z.unknown().optional(),
    resourceGroupName: z.unknown().optional(),
    location: z.unknown().optional(),
    peers: z.record(z.string().min(1), z.array(cidr).min(1, "give at least one CIDR, or leave the peer out")).optional(),
    existingNetworkSecurityGroupName: z.unknown().optional(),
    groups: z.record(z.string(), z.strictObject({ existingApplicationSecurityGroupId: z.unknown().optional() })).optional(),
    reservedPriorities: z
      .strictObject({ from: priority, to: priority })
      .refine((band) => typeof band.from !== "number" || typeof band.to !== "number" || band.from <= band.to, {
        error: (issue) => `${JSON.stringify(issue.input)} runs backwards: give { from, to } with from <= to`,
      })
      .optional(),
    priorities: z.record(z.string().min(1), z.unknown().superRefine((value, ctx) => {
      if (typeof value !== "number" || !Number.isInteger(value) || value < MIN_PRIORITY || value > ALLOW_MAX) {
        ctx.addIssue({ code: "custom", message: `${JSON.stringify(value)} is not allowed: kubeports' allow rules use whole numbers from ${MIN_PRIORITY} to ${ALLOW_MAX}` });
      }
    })).optional(),
    serviceTags: z
      .record(
        z.string().min(1),
        z.string().refine((tag) => SERVICE_TAG.test(tag), {
          error: (issue) => `${JSON.stringify(issue.input)} is not a service tag name (for example "AzureLoadBalancer", "Internet" or "Storage.WestEurope")`,
        }),
      )
      .optional(),
    allowIpInIpAsAnyProtocol: flag("allowIpInIpAsAnyProtocol"),
    restrictEgress: flag("restrictEgress"),
    allowVirtualNetworkInbound: flag("allowVirtualNetworkInbound"),
  },
  {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `unknown argument${issue.keys.length > 1 ? "s" : ""} ${issue.keys.join(", ")} ${knownList(issue.keys[0] ?? "", ARG_NAMES)}`
        : undefined,
  },
);

function fail(name: string, issues: readonly InputIssue[]): never {
  throw componentError("AzureClusterFirewall", name, issues);
}

/** Checks every argument, compiles the layout if given, and chooses each group's ASG. */
export function resolveAzureArgs(name: string, args: AzureClusterFirewallArgs): ResolvedAzureArgs {
  const given = args ?? ({} as typeof args);
  const split = splitPeers(given.layout, given.peers);
  const plainArgs = { ...given, ...(given.layout !== undefined ? { layout: split.layout } : {}), ...(split.peers ? { peers: split.peers } : {}) };
  const parsed = argsSchema.safeParse(plainArgs, { reportInput: true });
  const issues: InputIssue[] = parsed.success ? [...split.issues] : [...formatZodIssues("args", parsed.error), ...split.issues];
  const prefix = namePrefix(name);
  if (!prefix) issues.push({ path: "name", message: `"${name}" cannot prefix Azure names: it needs a letter or digit (for example "prod-cluster")` });
  const source = planFromSource({ layout: split.layout, plan: given.plan, peers: split.peers });
  issues.push(...source.issues, ...placementIssues(args), ...bandIssues(args));
  if (issues.length > 0) fail(name, issues);

  const plan = source.plan!;
  issues.push(...podRoutingIssues(plan, "azure"));
  const asgs = chooseAsgs(prefix!, plan, args, issues);
  if (issues.length > 0) fail(name, issues);
  return {
    plan,
    deferred: split.deferred,
    asgs,
    translate: {
      prefix: prefix!,
      reserved: args.reservedPriorities ? [{ from: args.reservedPriorities.from, to: args.reservedPriorities.to }] : [],
      serviceTags: { ...(args.serviceTags ?? {}) },
      priorities: { ...(args.priorities ?? {}) },
      allowIpInIpAsAnyProtocol: args.allowIpInIpAsAnyProtocol ?? false,
      restrictEgress: args.restrictEgress ?? false,
      allowVirtualNetworkInbound: args.allowVirtualNetworkInbound ?? false,
    },
  };
}

function placementIssues(args: AzureClusterFirewallArgs): InputIssue[] {
  const issues: InputIssue[] = [];
  const group = args.resourceGroupName;
  if (group === undefined || group === null || group === "") {
    issues.push({ path: "args.resourceGroupName", message: `${JSON.stringify(group ?? null)} is not a resource group; give its name (for example "k8s-network-rg" or resourceGroup.name)` });
  } else if (typeof group === "string" && (group.length > 90 || !/^[-\w.()]+$/.test(group) || group.endsWith("."))) {
    issues.push({ path: "args.resourceGroupName", message: `"${group}" is not a resource group name (1-90 letters, digits, underscores, hyphens, periods and parentheses, not ending in a period)` });
  }
  const nsg = args.existingNetworkSecurityGroupName;
  if (nsg === "" || (typeof nsg === "string" && !isAzureName(nsg))) {
    issues.push({ path: "args.existingNetworkSecurityGroupName", message: `"${nsg}" is not an NSG name (${AZURE_NAME_RULE}); give the name, not the resource id` });
  }
  return issues;
}

/** The user's band must not cover the deny rules kubeports will create, nor all allow slots. */
function bandIssues(args: AzureClusterFirewallArgs): InputIssue[] {
  const band = args.reservedPriorities;
  if (!band || typeof band.from !== "number" || typeof band.to !== "number") return [];
  const denies = args.allowVirtualNetworkInbound !== true || args.restrictEgress === true;
  if (denies && band.to >= DENY_BAND.from) {
    return [{
      path: "args.reservedPriorities",
      message: `${band.from}-${band.to} overlaps ${DENY_BAND.from}-${DENY_BAND.to}, where kubeports puts its deny rules (after every allow rule); end the band at ${DENY_BAND.from - 1} or lower, or set allowVirtualNetworkInbound: true and leave restrictEgress off to manage denies yourself`,
    }];
  }
  if (band.from <= MIN_PRIORITY && band.to >= ALLOW_MAX) {
    return [{ path: "args.reservedPriorities", message: `${band.from}-${band.to} leaves no priority for kubeports' rules (they use ${MIN_PRIORITY}-${ALLOW_MAX}); reserve a narrower band` }];
  }
  return [];
}

function chooseAsgs(prefix: string, plan: Plan, args: AzureClusterFirewallArgs, issues: InputIssue[]): Map<string, GroupAsg> {
  const groupNames = plan.groups.map((group) => group.name);
  const owners = new Map<string, string[]>();
  for (const [group, given] of Object.entries(args.groups ?? {})) {
    const path = `args.groups.${group}`;
    if (!groupNames.includes(group)) issues.push({ path, message: `unknown node group "${group}" ${knownList(group, groupNames)}` });
    const id = given.existingApplicationSecurityGroupId;
    if (id === "" || (typeof id === "string" && !ASG_ID.test(id))) {
      issues.push({
        path: `${path}.existingApplicationSecurityGroupId`,
        message: `"${id}" is not an application security group id (/subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.Network/applicationSecurityGroups/<name>)`,
      });
    }
    if (typeof id === "string") owners.set(id.toLowerCase(), [...(owners.get(id.toLowerCase()) ?? []), group]);
  }
  for (const [id, groups] of owners) {
    if (groups.length > 1) {
      issues.push({ path: `args.groups.${groups[1]}`, message: `groups ${groups.join(" and ")} share application security group ${id}, so each would receive the other's rules; give each group its own ASG` });
    }
  }
  const asgs = new Map<string, GroupAsg>();
  for (const group of groupNames) {
    const id = args.groups?.[group]?.existingApplicationSecurityGroupId;
    asgs.set(group, id !== undefined ? { kind: "existing", id } : { kind: "create", name: azureName(prefix, group) });
  }
  return asgs;
}
