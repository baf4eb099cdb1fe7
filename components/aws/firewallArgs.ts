/**
 * The edge of AwsClusterFirewall: checks the component args with a schema, compiles the
 * layout (with `peers` merged over its own) or takes the given plan, and translates it.
 * Every problem (args, layout, plan, AWS limits) ends up in one KubeportsError, thrown before
 * the component registers anything.
 */
import { z } from "zod";
import { compile } from "../compiler/compile";
import { podRoutingIssues } from "../connectivity/podRouting";
import { KubeportsError, type InputIssue } from "../model/errors";
import type { Layout } from "../model/layout";
import type { Plan } from "../model/plan";
import { knownList } from "../model/suggest";
import { formatZodIssues } from "../layout/formatZodIssues";
import { planAwsFirewall } from "./awsRules";
import type { AwsFirewallOptions, AwsFirewallSpec } from "./awsSpec";

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
  layout?: Layout;
  plan?: Plan;
  vpcId: unknown;
  peers?: Record<string, string[]>;
  prefixLists?: Record<string, unknown>;
  tags?: Record<string, string>;
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

/** Compiles a layout, turning its KubeportsError into issues so they join the others. */
export function compileIssues(layout: unknown): { plan?: Plan; issues: InputIssue[] } {
  try {
    return { plan: compile(layout), issues: [] };
  } catch (error) {
    if (error instanceof KubeportsError) return { issues: [...error.issues] };
    throw error;
  }
}

/** The component's own alias for the rename path (its children carry their own). */
export function withRenamedFrom<T extends { aliases?: unknown[] }>(opts: T | undefined, renamedFrom: string | undefined, name: string): T {
  if (renamedFrom === undefined || renamedFrom === name) return (opts ?? {}) as T;
  return { ...(opts ?? {}), aliases: [...(opts?.aliases ?? []), { name: renamedFrom }] } as T;
}

export interface ResolvedFirewall {
  readonly plan: Plan;
  readonly spec: AwsFirewallSpec;
}

export function resolveFirewallArgs(name: string, args: FirewallArgsInput): ResolvedFirewall {
  const subject = `Invalid AwsClusterFirewall "${name}"`;
  const parsed = argsSchema.safeParse(args ?? {}, { reportInput: true });
  if (!parsed.success) throw new KubeportsError(subject, formatZodIssues("args", parsed.error));

  const issues: InputIssue[] = [...vpcIdIssues(args.vpcId, "args.vpcId")];
  if ((args.layout === undefined) === (args.plan === undefined)) {
    issues.push({ path: "args", message: "give exactly one of layout (compiled here) or plan (already compiled)" });
  }
  if (args.plan !== undefined && args.peers !== undefined) {
    issues.push({ path: "args.peers", message: "peers are merged into a layout before compiling, but a compiled plan was given (compile the plan with these peers, or pass the layout)" });
  }

  let plan = args.plan;
  if (args.layout !== undefined) {
    const layout = args.layout as unknown;
    const merged = args.peers && typeof layout === "object" && layout !== null
      ? { ...layout, peers: { ...((layout as Layout).peers ?? {}), ...args.peers } }
      : layout;
    const compiled = compileIssues(merged);
    issues.push(...compiled.issues);
    plan = compiled.plan;
  }
  if (plan !== undefined) issues.push(...podRoutingIssues(plan, "aws"));
  if (issues.length > 0 || plan === undefined) throw new KubeportsError(subject, issues);

  const options: AwsFirewallOptions = {
    name,
    ...(args.renamedFrom !== undefined && args.renamedFrom !== name ? { previousName: args.renamedFrom } : {}),
    groups: Object.fromEntries(
      Object.entries(args.groups ?? {}).map(([group, given]) => [
        group,
        {
          existing: given.existingSecurityGroupId !== undefined,
          ...(plainString(given.existingSecurityGroupId) !== undefined ? { existingId: plainString(given.existingSecurityGroupId) } : {}),
          ...(given.name !== undefined ? { name: given.name } : {}),
          ...(given.previousName !== undefined ? { previousName: given.previousName } : {}),
        },
      ]),
    ),
    prefixLists: Object.fromEntries(Object.entries(args.prefixLists ?? {}).map(([peer, id]) => [peer, plainString(id)])),
    restrictEgress: args.restrictEgress ?? false,
    tags: args.tags ?? {},
    ...(args.rulesPerGroupQuota !== undefined ? { rulesPerGroupQuota: args.rulesPerGroupQuota } : {}),
  };
  return { plan, spec: planAwsFirewall(plan, options) };
}
