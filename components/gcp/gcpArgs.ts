/**
 * GcpClusterFirewall's arguments: the interface users write, and the checks that turn them into
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
import { GCP_NAME, GCP_NAME_RULE, gcpName, isGcpName, namePrefix, serviceAccountId } from "./gcpNames";
import type { GcpTranslateOptions } from "./gcpRuleSpec";
import { VPC_DENY_PRIORITY } from "./gcpRules";

/** How one node group is identified in rules. Leave it out to let kubeports choose. */
export interface GcpGroupIdentityArgs {
  /** An existing network tag the group's instances carry (network-tag mode). Default: "<component>-<group>". */
  tag?: string;
  /**
   * Email of an existing service account the group's instances run as (useServiceAccounts mode).
   * Default: kubeports creates one per group, with no IAM roles.
   */
  serviceAccountEmail?: pulumi.Input<string>;
}

export interface GcpClusterFirewallArgs {
  /** The layout to compile (profiles, options, node groups, peers). Give this or `plan`. Peer CIDRs may be Outputs. */
  layout?: LayoutInput;
  /** A plan from `compile()` or `kubeports plan --format json`. Give this or `layout`. */
  plan?: Plan;
  /** The VPC network the rules belong to: its name or self link (an existing network works). */
  network: pulumi.Input<string>;
  /** Project of the network and rules. Default: the provider's project. */
  project?: pulumi.Input<string>;
  /**
   * Prefix of every GCP name kubeports gives (firewall rules, the egress policy, default tags and
   * service accounts). Default: the component name. Firewall names are unique per project, so
   * two stacks that deploy one layout into one project need different prefixes (the shipped
   * stacks use the stack name). Changing it replaces every rule: keep it once deployed.
   */
  namePrefix?: string;
  /** Peer name -> CIDRs, merged over the layout's peers before compiling (layout only). Each CIDR may be an Output. */
  peers?: PeerCidrInputs;
  /**
   * Identify node groups by service account instead of network tag. Service accounts cannot be
   * changed on a running instance without a stop, but only IAM-permitted users can attach them,
   * while anyone who can edit an instance can add a tag.
   */
  useServiceAccounts?: boolean;
  /** Per node group: an existing tag or service account. */
  groups?: Record<string, GcpGroupIdentityArgs>;
  /** Priority of the allow rules, 0-65535 (lower wins). Default 1000. */
  priority?: number;
  /** Turn on firewall rules logging with all metadata. Default false. */
  logging?: boolean;
  /**
   * Deny all egress except the plan's outbound flows. Default false: GCP's implied rule allows
   * all egress, and no egress rules are created.
   */
  restrictEgress?: boolean;
  /**
   * CIDRs of the subnets the node groups live in. Needed with restrictEgress when groups talk to
   * each other: GCP egress rules name destinations by IP range only.
   */
  nodeRanges?: string[];
  /**
   * With restrictEgress: allow the plan's outbound host names through a network firewall policy
   * with FQDN rules (needs useServiceAccounts; policy rules cannot target network tags).
   */
  fqdnEgress?: boolean;
}

/** The identity a group's rules target, before Pulumi resources exist. */
export type GroupIdentity =
  | { readonly kind: "tag"; readonly tag: string; readonly existing: boolean }
  | { readonly kind: "serviceAccount"; readonly email: pulumi.Input<string> }
  | { readonly kind: "newServiceAccount"; readonly accountId: string };

export interface ResolvedGcpArgs {
  readonly plan: Plan;
  /** Peer CIDRs given as Outputs: planned with stand-ins, registered with their values. */
  readonly deferred: readonly DeferredCidr[];
  readonly translate: GcpTranslateOptions;
  /** Every plan group, in plan order. */
  readonly identities: ReadonlyMap<string, GroupIdentity>;
  readonly logging: boolean;
}

export const DEFAULT_PRIORITY = 1000;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

const cidr = z.string().superRefine((text, ctx) => {
  try {
    parseCidr(text);
  } catch (error) {
    ctx.addIssue({ code: "custom", message: (error as Error).message });
  }
});

const flag = (name: string) =>
  z.unknown().superRefine((value, ctx) => {
    if (typeof value !== "boolean") ctx.addIssue({ code: "custom", message: `${JSON.stringify(value)} is not allowed: ${name} is true or false` });
  }).optional();

/** Plain (non-Output) fields; Inputs such as `network` are checked where they are plain strings. */
const argsSchema = z.strictObject(
  {
    layout: z.unknown().optional(),
    plan: z.unknown().optional(),
    // Required, but checked in networkIssues() with a message that says what to give.
    network: z.unknown().optional(),
    project: z.unknown().optional(),
    namePrefix: z.string().optional(),
    peers: z.record(z.string().min(1), z.array(cidr).min(1, "give at least one CIDR, or leave the peer out")).optional(),
    useServiceAccounts: flag("useServiceAccounts"),
    groups: z
      .record(
        z.string(),
        z.strictObject({
          tag: z
            .string()
            .refine((tag) => GCP_NAME.test(tag), { error: (issue) => `tag ${JSON.stringify(issue.input)} is not a valid GCP network tag (${GCP_NAME_RULE}, for example "k8s-workers")` })
            .optional(),
          serviceAccountEmail: z.unknown().optional(),
        }),
      )
      .optional(),
    priority: z
      .unknown()
      .superRefine((value, ctx) => {
        if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > 65535) {
          ctx.addIssue({ code: "custom", message: `${JSON.stringify(value)} is not allowed: use a whole number from 0 to 65535 (lower wins; default ${DEFAULT_PRIORITY})` });
        }
      })
      .optional(),
    logging: flag("logging"),
    restrictEgress: flag("restrictEgress"),
    nodeRanges: z.array(cidr).optional(),
    fqdnEgress: flag("fqdnEgress"),
  },
  { error: (issue) => (issue.code === "unrecognized_keys" ? `unknown argument${issue.keys.length > 1 ? "s" : ""} ${issue.keys.join(", ")} ${knownList(issue.keys[0] ?? "", ["layout", "plan", "network", "project", "namePrefix", "peers", "useServiceAccounts", "groups", "priority", "logging", "restrictEgress", "nodeRanges", "fqdnEgress"])}` : undefined) },
);

function fail(name: string, issues: readonly InputIssue[]): never {
  throw componentError("GcpClusterFirewall", name, issues);
}

/** Checks every argument, compiles the layout if given, and chooses each group's identity. */
export function resolveGcpArgs(name: string, args: GcpClusterFirewallArgs): ResolvedGcpArgs {
  const given = args ?? ({} as typeof args);
  const split = splitPeers(given.layout, given.peers);
  const plainArgs = { ...given, ...(given.layout !== undefined ? { layout: split.layout } : {}), ...(split.peers ? { peers: split.peers } : {}) };
  const parsed = argsSchema.safeParse(plainArgs, { reportInput: true });
  const issues: InputIssue[] = parsed.success ? [...split.issues] : [...formatZodIssues("args", parsed.error), ...split.issues];
  const prefix = namePrefix(args.namePrefix ?? name);
  if (!prefix) {
    const path = args.namePrefix !== undefined ? "args.namePrefix" : "name";
    issues.push({ path, message: `"${args.namePrefix ?? name}" cannot prefix GCP names: it must contain a letter before any digit (for example "prod-cluster")` });
  }
  const source = planFromSource({ layout: split.layout, plan: given.plan, peers: split.peers });
  issues.push(...source.issues, ...egressIssues(args), ...networkIssues(args));
  if (issues.length > 0) fail(name, issues);

  const plan = source.plan!;
  issues.push(...podRoutingIssues(plan, "gcp"));
  const useServiceAccounts = args.useServiceAccounts ?? false;
  const identities = chooseIdentities(prefix!, plan, args, useServiceAccounts, issues);
  if (issues.length > 0) fail(name, issues);
  return {
    plan,
    deferred: split.deferred,
    identities,
    logging: args.logging ?? false,
    translate: {
      prefix: prefix!,
      priority: args.priority ?? DEFAULT_PRIORITY,
      restrictEgress: args.restrictEgress ?? false,
      nodeRanges: (args.nodeRanges ?? []).map((text) => parseCidr(text).cidr),
      fqdnEgress: args.fqdnEgress ?? false,
    },
  };
}

function egressIssues(args: GcpClusterFirewallArgs): InputIssue[] {
  const issues: InputIssue[] = [];
  if (args.restrictEgress === true && args.priority === VPC_DENY_PRIORITY) {
    issues.push({ path: "args.priority", message: `${VPC_DENY_PRIORITY} is not allowed with restrictEgress: the deny-all egress rules sit at ${VPC_DENY_PRIORITY} and deny wins at equal priority (use 0-65534, default ${DEFAULT_PRIORITY})` });
  }
  if (args.nodeRanges !== undefined && args.restrictEgress !== true) {
    issues.push({ path: "args.nodeRanges", message: "only used with restrictEgress: true (egress is otherwise allowed by GCP's implied rule); set restrictEgress or remove nodeRanges" });
  }
  if (args.fqdnEgress === true && args.restrictEgress !== true) {
    issues.push({ path: "args.fqdnEgress", message: "FQDN allow rules change nothing while egress is unrestricted (GCP's implied allow-egress rule already lets the hosts through); set restrictEgress: true, or remove fqdnEgress" });
  }
  if (args.fqdnEgress === true && args.useServiceAccounts !== true) {
    issues.push({ path: "args.fqdnEgress", message: "needs useServiceAccounts: true, because network firewall policy rules target instances by service account or secure tag, not by network tag" });
  }
  return issues;
}

function networkIssues(args: GcpClusterFirewallArgs): InputIssue[] {
  if (args.network === undefined || args.network === null || args.network === "") {
    return [{ path: "args.network", message: `${JSON.stringify(args.network ?? null)} is not a network; give the VPC network's name or self link (for example "default" or network.selfLink)` }];
  }
  // A policy association needs the network's path; a bare name is only enough with a project.
  if (args.fqdnEgress === true && typeof args.network === "string" && !args.network.includes("/") && args.project === undefined) {
    return [{ path: "args.network", message: `"${args.network}" is a bare name, but fqdnEgress attaches a network firewall policy, which needs the network's path; give project, or the network's self link or id (projects/<project>/global/networks/${args.network})` }];
  }
  return [];
}

function chooseIdentities(prefix: string, plan: Plan, args: GcpClusterFirewallArgs, useServiceAccounts: boolean, issues: InputIssue[]): Map<string, GroupIdentity> {
  const groupNames = plan.groups.map((group) => group.name);
  for (const [group, given] of Object.entries(args.groups ?? {})) {
    const path = `args.groups.${group}`;
    if (!groupNames.includes(group)) issues.push({ path, message: `unknown node group "${group}" ${knownList(group, groupNames)}` });
    if (useServiceAccounts && given.tag !== undefined) {
      issues.push({ path: `${path}.tag`, message: `"${given.tag}" is a network tag, but useServiceAccounts is true and GCP rules cannot mix tags and service accounts; give serviceAccountEmail, or set useServiceAccounts: false` });
    }
    if (!useServiceAccounts && given.serviceAccountEmail !== undefined) {
      issues.push({ path: `${path}.serviceAccountEmail`, message: "service accounts are used only with useServiceAccounts: true (GCP rules cannot mix tags and service accounts); set useServiceAccounts: true, or give a tag" });
    }
    const email = given.serviceAccountEmail;
    if (typeof email === "string" && !EMAIL.test(email)) {
      issues.push({ path: `${path}.serviceAccountEmail`, message: `"${email}" is not a service-account email (for example "workers@my-project.iam.gserviceaccount.com")` });
    }
  }
  const identities = new Map<string, GroupIdentity>();
  for (const group of groupNames) {
    const given = args.groups?.[group];
    if (!useServiceAccounts) {
      const tag = given?.tag ?? gcpName(prefix, group);
      identities.set(group, { kind: "tag", tag, existing: given?.tag !== undefined });
    } else if (given?.serviceAccountEmail !== undefined) {
      identities.set(group, { kind: "serviceAccount", email: given.serviceAccountEmail });
    } else {
      identities.set(group, { kind: "newServiceAccount", accountId: serviceAccountId(prefix, group) });
    }
  }
  issues.push(...sharedIdentities(identities));
  return identities;
}

/** Two groups with one identity would receive each other's rules: refuse it. */
function sharedIdentities(identities: ReadonlyMap<string, GroupIdentity>): InputIssue[] {
  const owners = new Map<string, string[]>();
  for (const [group, identity] of identities) {
    const key = identity.kind === "tag" ? `tag ${identity.tag}` : identity.kind === "newServiceAccount" ? `service account ${identity.accountId}` : typeof identity.email === "string" ? `service account ${identity.email.toLowerCase()}` : undefined;
    if (key) owners.set(key, [...(owners.get(key) ?? []), group]);
    if (identity.kind === "tag" && !isGcpName(identity.tag)) {
      return [{ path: `args.groups.${group}.tag`, message: `derived tag "${identity.tag}" is not valid (${GCP_NAME_RULE}); give a tag` }];
    }
  }
  return [...owners.entries()]
    .filter(([, groups]) => groups.length > 1)
    .map(([key, groups]) => ({
      path: `args.groups.${groups[1]}`,
      message: `groups ${groups.join(" and ")} share ${key}, so each would receive the other's rules; give each group its own identity`,
    }));
}
