/**
 * Checks a plan handed to a cloud shell: AWS, GCP and Azure run this one check, so a plan is
 * refused by all three alike, with the same words. Compiled plans always pass; plans users
 * write or edit by hand may not, and no shell may turn a malformed or unsafe plan into rules.
 * Structure is checked with a schema, then what the schema cannot see: group references,
 * canonical CIDRs, and internet openings of cluster-internal services that no vendor
 * document prescribed (the compiler flags those it keeps with a world-open-internal warning).
 */
import { z } from "zod";
import { parseCidr } from "../model/cidr";
import type { InputIssue } from "../model/errors";
import { internalServicesHit } from "../model/internalServices";
import { PLAN_SCHEMA, type Flow, type Plan } from "../model/plan";
import { PROTOCOLS, hasPorts } from "../model/protocol";
import { knownList } from "../model/suggest";
import { formatZodIssues } from "../layout/formatZodIssues";
import { GROUP_NAME } from "../layout/schema";

const port = z.number().int().min(1).max(65535);
const reason = z.object({ profile: z.string(), row: z.string(), description: z.string(), document: z.string(), documentRow: z.string() });
const flow = z.object({
  key: z.string().min(1),
  protocol: z.enum(PROTOCOLS),
  ports: z.object({ from: port, to: port }).optional(),
  icmp: z.object({ type: z.number().int().min(0).max(255), code: z.number().int().min(0).max(255).optional() }).optional(),
  peer: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("group"), group: z.string() }),
    z.object({ kind: z.literal("cidr"), cidr: z.string(), family: z.enum(["ipv4", "ipv6"]), peers: z.array(z.string()), world: z.boolean() }),
    z.object({ kind: z.literal("host"), host: z.string() }),
  ]),
  reasons: z.array(reason).min(1, "every flow needs at least one reason (it becomes the rule's description)"),
});
const planSchema = z.object({
  schema: z.literal(PLAN_SCHEMA),
  layout: z.string(),
  groups: z
    .array(
      z.object({
        name: z.string().regex(GROUP_NAME, "group names are lower-case letters, digits and hyphens, start with a letter, at most 32 characters"),
        roles: z.array(z.string()),
        ingress: z.array(flow),
        egress: z.array(flow),
      }),
    )
    .min(1, "a plan needs at least one group"),
  peers: z.array(z.object({ name: z.string(), cidrs: z.array(z.string()) })),
  warnings: z.array(z.object({ code: z.string(), group: z.string(), flow: z.string(), message: z.string() })),
  notes: z.array(z.unknown()),
});

export function checkPlan(input: unknown): InputIssue[] {
  const parsed = planSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) return formatZodIssues("plan", parsed.error);
  const plan = input as Plan;
  const issues: InputIssue[] = [];
  const names = plan.groups.map((group) => group.name);
  plan.groups.forEach((group, index) => {
    if (names.indexOf(group.name) !== index) issues.push({ path: `plan.groups[${index}].name`, message: `group "${group.name}" appears twice (each node group once)` });
    for (const direction of ["ingress", "egress"] as const) {
      group[direction].forEach((flow, i) => issues.push(...checkFlow(plan, group.name, direction, flow, `plan.groups.${group.name}.${direction}[${i}]`, names)));
    }
  });
  plan.peers.forEach((peer) =>
    peer.cidrs.forEach((cidr, i) => {
      const problem = cidrProblem(cidr);
      if (problem) issues.push({ path: `plan.peers.${peer.name}.cidrs[${i}]`, message: problem });
    }),
  );
  return issues;
}

function cidrProblem(cidr: string): string | undefined {
  try {
    const parsed = parseCidr(cidr);
    return parsed.cidr === cidr ? undefined : `"${cidr}" is not in canonical form (write "${parsed.cidr}")`;
  } catch (error) {
    return (error as Error).message;
  }
}

function checkFlow(plan: Plan, group: string, direction: "ingress" | "egress", flow: Flow, path: string, groups: readonly string[]): InputIssue[] {
  const issues: InputIssue[] = [];
  const at = `${path} (${flow.key})`;
  if (flow.ports && !hasPorts(flow.protocol)) issues.push({ path: at, message: `protocol ${flow.protocol} has no ports, but ports ${flow.ports.from}-${flow.ports.to} are given (remove ports)` });
  if (flow.ports && flow.ports.from > flow.ports.to) issues.push({ path: at, message: `port range ${flow.ports.from}-${flow.ports.to} runs backwards (write ${flow.ports.to}-${flow.ports.from})` });
  if (flow.icmp && flow.protocol !== "icmp") issues.push({ path: at, message: `an ICMP match on protocol ${flow.protocol} (use protocol icmp, or remove icmp)` });
  const peer = flow.peer;
  if (peer.kind === "group" && !groups.includes(peer.group)) {
    issues.push({ path: at, message: `peer group "${peer.group}" is not a group of this plan ${knownList(peer.group, groups)}` });
  }
  if (peer.kind === "host" && direction === "ingress") {
    const rows = flow.reasons.map((reason) => `${reason.profile}/${reason.row}`).join(", ");
    issues.push({
      path: at,
      message: `inbound from host name "${peer.host}" (${rows}) cannot be expressed: AWS security groups, GCP firewall rules and Azure NSG rules match sources by address, not by name (give the source as a peer with CIDRs)`,
    });
  }
  if (peer.kind === "cidr") {
    const problem = cidrProblem(peer.cidr);
    if (problem) issues.push({ path: at, message: problem });
    else {
      const parsed = parseCidr(peer.cidr);
      if (parsed.family !== peer.family) issues.push({ path: at, message: `"${peer.cidr}" is ${parsed.family}, but the flow says family ${peer.family}` });
      if (parsed.world !== peer.world) issues.push({ path: at, message: `"${peer.cidr}" has world: ${peer.world}, which is wrong (set world: ${parsed.world})` });
      if (parsed.world && direction === "ingress") issues.push(...unflaggedWorldInternal(plan, group, flow, at));
    }
  }
  return issues;
}

/** Internal services open to the internet are allowed only where the plan says a vendor prescribes it. */
function unflaggedWorldInternal(plan: Plan, group: string, flow: Flow, at: string): InputIssue[] {
  const hits = internalServicesHit(flow.protocol, flow.ports);
  if (hits.length === 0) return [];
  const flagged = plan.warnings.some((w) => w.code === "world-open-internal" && w.group === group && w.flow === flow.key);
  if (flagged) return [];
  const peer = flow.peer as Extract<Flow["peer"], { kind: "cidr" }>;
  return [
    {
      path: at,
      message: `opens ${hits.join(", ")} to ${peer.cidr}, the whole internet; the compiler never produces this unflagged from a layout. Restrict the flow to the networks that need it (give their CIDRs), or recompile the plan from a layout`,
    },
  ];
}
