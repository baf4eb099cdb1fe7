/**
 * The edge of AwsClusterFirewall (translate step): checks the component args with a schema,
 * takes its plan from the shared plan source (a layout compiled with `peers` merged over its
 * own, or a given plan that passes the shared plan check), and translates it into a spec.
 * Every problem (args, layout, plan, AWS limits) ends up in one KubeportsError named after
 * the component, thrown before anything is registered. Outputs among the peer CIDRs and tags
 * are split off here: stand-ins for the plan, values for registration (see peerInputs).
 */
import type * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { podRoutingIssues } from "../connectivity/podRouting";
import { componentError, planFromSource } from "../firewall/planSource";
import { isDeferred, splitPeers, type DeferredCidr, type LayoutInput, type PeerCidrInputs } from "../firewall/peerInputs";
import { KubeportsError, type InputIssue } from "../model/errors";
import type { Plan } from "../model/plan";
import { knownList } from "../model/suggest";
import { formatZodIssues } from "../layout/formatZodIssues";
import { planAwsFirewall } from "./awsRules";
import type { AwsFirewallOptions, AwsFirewallSpec } from "./awsSpec";
import { checkUserTags } from "./awsTags";

/** Per node group settings. */
export interface AwsNodeGroupArgs {
  /** Add this node group's rules to this existing security group id instead of creating one (for composing into existing stacks). */
  existingSecurityGroupId?: unknown;
  /** AWS name of the group kubeports creates (default `<component name>-<node group>`); must not start with "sg-". */
  name?: string;
  /** The node group's name before you renamed it in the layout: its group and rules keep their AWS identity (aliases). */
  previousName?: string;
}

/** What the args check needs; the component's args interface is the typed, documented face of it. */
export interface FirewallArgsInput {
  layout?: LayoutInput;
  plan?: Plan;
  vpcId: unknown;
  peers?: PeerCidrInputs;
  prefixLists?: Record<string, unknown>;
  tags?: Record<string, pulumi.Input<string>>;
  groups?: Record<string, AwsNodeGroupArgs>;
  restrictEgress?: boolean;
  rulesPerGroupQuota?: number;
  renamedFrom?: string;
}

const ARG_NAMES = ["layout", "plan", "vpcId", "peers", "prefixLists", "tags", "groups", "restrictEgress", "rulesPerGroupQuota", "renamedFrom"];
const GROUP_ARG_NAMES = ["existingSecurityGroupId", "name", "previousName"];
const VPC_ID = /^vpc-[0-9a-f]{8,17}$/;

/** A strict object whose unknown-key error lists the known keys (typos in args from YAML or JS). */
export function strictArgs<T extends z.ZodRawShape>(shape: T, known: readonly string[]) {
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === "unrecognized_keys" ? `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")} ${knownList(issue.keys[0] ?? "", known)}` : undefined,
  });
}

const argsSchema = strictArgs(
  {
    layout: z.unknown().optional(),
    plan: z.unknown().optional(),
    vpcId: z.unknown().refine((value) => value !== undefined && value !== null && value !== "", "give the id of the VPC the security groups belong to"),
    peers: z.record(z.string(), z.array(z.string())).optional(),
    prefixLists: z.record(z.string(), z.unknown()).optional(),
    tags: z.record(z.string(), z.string()).optional(),
    groups: z.record(z.string(), strictArgs({ existingSecurityGroupId: z.unknown().optional(), name: z.string().optional(), previousName: z.string().min(1).optional() }, GROUP_ARG_NAMES)).optional(),
    restrictEgress: z.boolean().optional(),
    rulesPerGroupQuota: z.number().optional(),
    renamedFrom: z.string().min(1, "give the component's previous name, or leave renamedFrom out").optional(),
  },
  ARG_NAMES,
);

/** A value that is a plain string now (not an Output): only those can be checked before deployment. */
export function plainString(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

export function vpcIdIssues(vpcId: unknown, path = "args.vpcId"): InputIssue[] {
  const plain = plainString(vpcId);
  if (plain === undefined || VPC_ID.test(plain)) return [];
  return [{ path, message: `"${plain}" is not a VPC id (expected vpc- and 8 or 17 hex digits, for example vpc-0123456789abcdef0)` }];
}

/** The component's own alias for the rename path (its children carry their own). */
export function withRenamedFrom<T extends { aliases?: unknown[] }>(opts: T | undefined, renamedFrom: string | undefined, name: string): T {
  if (renamedFrom === undefined || renamedFrom === name) return (opts ?? {}) as T;
  return { ...(opts ?? {}), aliases: [...(opts?.aliases ?? []), { name: renamedFrom }] } as T;
}

export interface ResolvedFirewall {
  readonly plan: Plan;
  readonly spec: AwsFirewallSpec;
  /** Peer CIDRs given as Outputs: planned with stand-ins, registered with their values. */
  readonly deferred: readonly DeferredCidr[];
  /** Tags whose values are Outputs: added to every resource, checked when known. */
  readonly outputTags: Readonly<Record<string, pulumi.Input<string>>>;
}

/** Splits tags into plain ones (checked now, part of the spec) and Outputs (checked when known). */
export function splitTags(tags: Record<string, unknown> | undefined): { plain?: Record<string, unknown>; deferred: Record<string, pulumi.Input<string>> } {
  if (tags === undefined || typeof tags !== "object" || tags === null) return { ...(tags !== undefined ? { plain: tags } : {}), deferred: {} };
  const plain: Record<string, unknown> = {};
  const deferred: Record<string, pulumi.Input<string>> = {};
  for (const [key, value] of Object.entries(tags)) {
    if (isDeferred(value)) deferred[key] = value as pulumi.Input<string>;
    else plain[key] = value;
  }
  return { plain, deferred };
}

export function resolveFirewallArgs(name: string, args: FirewallArgsInput): ResolvedFirewall {
  const component = "AwsClusterFirewall";
  const given = args ?? ({} as FirewallArgsInput);
  const split = splitPeers(given.layout, given.peers);
  const tags = splitTags(given.tags);
  const plainArgs = { ...given, ...(given.layout !== undefined ? { layout: split.layout } : {}), ...(split.peers ? { peers: split.peers } : {}), ...(tags.plain ? { tags: tags.plain } : {}) };
  const parsed = argsSchema.safeParse(plainArgs, { reportInput: true });
  if (!parsed.success) throw componentError(component, name, formatZodIssues("args", parsed.error));

  const issues: InputIssue[] = [...split.issues, ...vpcIdIssues(given.vpcId, "args.vpcId")];
  // Output tag keys are plain: check them (and the tag count) with empty stand-in values.
  if (Object.keys(tags.deferred).length > 0) {
    issues.push(...checkUserTags({ ...(tags.plain as Record<string, string>), ...Object.fromEntries(Object.keys(tags.deferred).map((key) => [key, ""])) }, "args.tags"));
  }
  const source = planFromSource({ layout: split.layout, plan: given.plan, peers: split.peers });
  issues.push(...source.issues);
  const plan = source.plan;
  if (plan !== undefined) issues.push(...podRoutingIssues(plan, "aws"));
  if (issues.length > 0 || plan === undefined) throw componentError(component, name, issues);

  const options: AwsFirewallOptions = {
    name,
    ...(args.renamedFrom !== undefined && args.renamedFrom !== name ? { previousName: args.renamedFrom } : {}),
    groups: Object.fromEntries(
      Object.entries(given.groups ?? {}).map(([group, options]) => [
        group,
        {
          existing: options.existingSecurityGroupId !== undefined,
          ...(plainString(options.existingSecurityGroupId) !== undefined ? { existingId: plainString(options.existingSecurityGroupId) } : {}),
          ...(options.name !== undefined ? { name: options.name } : {}),
          ...(options.previousName !== undefined ? { previousName: options.previousName } : {}),
        },
      ]),
    ),
    prefixLists: Object.fromEntries(Object.entries(given.prefixLists ?? {}).map(([peer, id]) => [peer, plainString(id)])),
    restrictEgress: given.restrictEgress ?? false,
    tags: (tags.plain ?? {}) as Record<string, string>,
    ...(given.rulesPerGroupQuota !== undefined ? { rulesPerGroupQuota: given.rulesPerGroupQuota } : {}),
  };
  try {
    return { plan, spec: planAwsFirewall(plan, options), deferred: split.deferred, outputTags: tags.deferred };
  } catch (error) {
    if (error instanceof KubeportsError) throw componentError(component, name, error.issues);
    throw error;
  }
}
