/**
 * Plan -> GCP rule specs. Pure: no Pulumi, no I/O; the same plan and options always give the
 * same rules with the same names.
 *
 * Ingress is packed exactly (components/firewall/packBySourceSet): per target group, one rule
 * per set of sources that want the same protocols and ports, carrying every protocol and port
 * of that set. A rule lists several source tags or service accounts (at most 10 per rule), or
 * several CIDRs of one family (GCP rules hold IPv4 or IPv6, never both); tags, service accounts
 * and ranges never share a rule. Every (source, protocol, port) a rule allows is one the plan
 * asks for, and every one the plan asks for is allowed by some rule. A rule is named after its
 * target and its sources, never its ports, so a one-port edit changes at most two rules.
 * Egress: GCP's implied rule allows all egress, so by default no egress rule is created. With
 * restrictEgress, each group gets allows plus a deny-all at the lowest precedence (see egress()).
 */
import { KubeportsError, type InputIssue } from "../model/errors";
import type { Flow, Plan, PlanGroup } from "../model/plan";
import { WORLD_IPV4, WORLD_IPV6, parseCidr } from "../model/cidr";
import { chunkSources, packBySourceSet, type WantedEntry } from "../firewall/packBySourceSet";
import { formatPortRange, type PortRange } from "../model/ports";
import { hasPorts } from "../model/protocol";
import { allowsFor, allowsKey, orderAllows, type GcpAllow, type GcpFamily, type RuleFamily, gcpProtocols } from "./gcpAllows";
import { describeRule } from "./gcpDescriptions";
import { disambiguate, gcpName } from "./gcpNames";
import { checkPlan } from "../firewall/checkPlan";
import { assignPolicyPriorities } from "./gcpPolicyPriorities";
import { MAX_FQDNS_PER_RULE, MAX_SOURCE_IDENTITIES, checkRule } from "./gcpRuleChecks";
import type { GcpPeer, GcpRuleSpec, GcpTranslateOptions, GcpTranslation, UnexpressedHost } from "./gcpRuleSpec";

/** Lowest precedence a VPC rule can have; deny wins over the implied allow-egress at equal priority. */
export const VPC_DENY_PRIORITY = 65535;

const SUFFIX: Record<GcpFamily, string> = { ipv4: "v4", ipv6: "v6" };

type Draft = Omit<GcpRuleSpec, "name" | "priority"> & { readonly base: string; readonly priority?: number };

interface Context {
  readonly plan: Plan;
  readonly options: GcpTranslateOptions;
  readonly drafts: Draft[];
  readonly hosts: UnexpressedHost[];
  readonly notes: Set<string>;
  readonly issues: InputIssue[];
}

/** Translates a plan into GCP firewall rule specs, or throws a KubeportsError listing every problem. */
export function translatePlan(plan: Plan, options: GcpTranslateOptions): GcpTranslation {
  // The same check the AWS and Azure translators run: a plan given directly (JSON, another
  // language, another kubeports version) did not pass compile()'s checks in this process.
  const broken = checkPlan(plan);
  if (broken.length > 0) throw new KubeportsError(`GCP firewall for layout "${String(plan?.layout ?? "")}" cannot be built from this plan`, broken);
  const ctx: Context = { plan, options, drafts: [], hosts: [], notes: new Set(), issues: [] };
  for (const group of plan.groups) {
    ingress(group, ctx);
    egress(group, ctx);
  }
  if (!options.restrictEgress && plan.groups.some((group) => group.egress.length > 0)) {
    ctx.notes.add(
      "Egress: no egress rules are created; GCP's implied allow-egress rule (priority 65535) already lets every planned outbound flow out. Set restrictEgress to deny everything else.",
    );
  }
  if (ctx.issues.length > 0) throw new KubeportsError(`GCP firewall for layout "${plan.layout}" cannot be built`, ctx.issues);

  const named = uniqueNames(ctx.drafts);
  const rules = assignPolicyPriorities(named).sort((a, b) => a.name.localeCompare(b.name));
  const problems = rules.flatMap((rule) => checkRule(rule).map((message) => ({ path: `rules.${rule.name}`, message })));
  const seen = new Set<string>();
  for (const rule of rules) {
    if (seen.has(rule.name)) problems.push({ path: `rules.${rule.name}`, message: "two rules would have this name; rename a group or peer" });
    seen.add(rule.name);
  }
  if (problems.length > 0) throw new KubeportsError(`GCP firewall for layout "${plan.layout}" breaks a GCP limit`, problems);
  return { rules, hosts: ctx.hosts, notes: [...ctx.notes].sort() };
}

/** Ingress: rules packed per source set, tags (or service accounts) apart from each family's ranges. */
function ingress(group: PlanGroup, ctx: Context): void {
  const { prefix, priority } = ctx.options;
  for (const set of packedSets(group.ingress, ctx.plan.options.ipv6)) {
    ctx.drafts.push(draft(ctx, group, "INGRESS", set.peer, set.flows, set.allows, { base: gcpName(prefix, group.name, "in-from", set.label), priority }));
  }
  for (const flow of group.ingress.filter((f) => f.icmp)) {
    ctx.notes.add(
      `ICMP: ${group.name} is asked to accept only ICMP type ${flow.icmp!.type}${flow.icmp!.code === undefined ? "" : ` code ${flow.icmp!.code}`} from ${flowPeerText(flow)} (${reasonList(flow)}); VPC firewall rules cannot filter ICMP types, so all ICMP is allowed from it.`,
    );
  }
}

/**
 * Egress, only with restrictEgress. GCP egress rules name destinations by IP range only (no
 * destination tags or service accounts), so egress to node groups is allowed to `nodeRanges`,
 * the subnets the groups live in; the receiving group's ingress rules still decide which group
 * may connect. Every group then gets a deny-all (IPv4 and IPv6) below its allows.
 *
 * With fqdnEgress, all of a group's egress moves into the component's network firewall policy
 * (host names need FQDN objects, which only policies have). Keeping allows and deny in the same
 * policy makes the result independent of the network's policy enforcement order: a VPC deny-all
 * would be evaluated before the policy's FQDN allows under the default AFTER_CLASSIC_FIREWALL order.
 */
function egress(group: PlanGroup, ctx: Context): void {
  const { prefix, priority, restrictEgress, fqdnEgress, nodeRanges } = ctx.options;
  const dual = ctx.plan.options.ipv6;
  const hostFlows = group.egress.filter((flow) => flow.peer.kind === "host");
  if (!restrictEgress) {
    for (const flow of hostFlows) unexpressed(ctx, group, flow, false, "not expressible with VPC firewall rules (no host names); allowed by GCP's implied allow-egress rule");
    return;
  }
  const layer = fqdnEgress ? "policy" : "vpc";
  const vpcPriority = layer === "vpc" ? { priority } : {};

  const toGroups = [...byGroupPeer(group.egress).values()].flat();
  if (toGroups.length > 0) {
    if (nodeRanges.length === 0) {
      ctx.issues.push({
        path: "args.nodeRanges",
        message: `restrictEgress needs the node groups' subnet CIDRs: group ${group.name} sends ${toGroups.map((f) => f.key).join(", ")} to other node groups, and GCP egress rules can only name destinations by IP range (add nodeRanges, for example ["10.0.0.0/20"])`,
      });
    }
    for (const family of ["ipv4", "ipv6"] as const) {
      const ranges = nodeRanges.filter((cidr) => parseCidr(cidr).family === family);
      if (ranges.length === 0) continue;
      const peer: GcpPeer = { kind: "ranges", family, ranges, label: "nodes" };
      ctx.drafts.push(draft(ctx, group, "EGRESS", peer, toGroups, allowsFor(toGroups, family, dual), {
        base: gcpName(prefix, group.name, "out-to-nodes", SUFFIX[family]),
        layer,
        ...vpcPriority,
      }));
    }
  }
  for (const set of packedSets(group.egress.filter((flow) => flow.peer.kind === "cidr"), dual)) {
    ctx.drafts.push(draft(ctx, group, "EGRESS", set.peer, set.flows, set.allows, { base: gcpName(prefix, group.name, "out-to", set.label), layer, ...vpcPriority }));
  }
  if (fqdnEgress) fqdnRules(group, hostFlows, ctx);
  else for (const flow of hostFlows) unexpressed(ctx, group, flow, true, "VPC firewall rules cannot name hosts; set fqdnEgress to allow it by FQDN, or add its CIDRs as a layout rule");

  for (const [family, world] of [["ipv4", WORLD_IPV4], ["ipv6", WORLD_IPV6]] as const) {
    ctx.drafts.push({
      base: gcpName(prefix, group.name, "out-deny-all", SUFFIX[family]),
      layer,
      direction: "EGRESS",
      action: "deny",
      group: group.name,
      peer: { kind: "ranges", family, ranges: [world], label: "anywhere" },
      allows: [{ protocol: "all" }],
      description: `kubeports ${ctx.plan.layout}: ${group.name} may send nothing beyond its allow rules (restrictEgress)`,
      flows: [],
      ...(layer === "vpc" ? { priority: VPC_DENY_PRIORITY } : {}),
    });
  }
}

/** FQDN allows: hosts with the same ports share a rule, at most 100 per rule. */
function fqdnRules(group: PlanGroup, flows: readonly Flow[], ctx: Context): void {
  const perHost = new Map<string, Flow[]>();
  for (const flow of flows) {
    if (flow.peer.kind !== "host") continue;
    const host = flow.peer.host.toLowerCase();
    const why = fqdnProblem(host);
    if (why) {
      unexpressed(ctx, group, flow, true, why);
      continue;
    }
    perHost.set(host, [...(perHost.get(host) ?? []), flow]);
  }
  const bySignature = new Map<string, { allows: GcpAllow[]; hosts: string[]; flows: Flow[] }>();
  for (const [host, hostFlows] of [...perHost.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const allows = allowsFor(hostFlows, "groups", false);
    const key = allowsKey(allows);
    const entry = bySignature.get(key) ?? { allows, hosts: [], flows: [] };
    entry.hosts.push(host);
    entry.flows.push(...hostFlows);
    bySignature.set(key, entry);
  }
  for (const [key, entry] of bySignature) {
    const chunks = chunk(entry.hosts, MAX_FQDNS_PER_RULE);
    chunks.forEach((fqdns, index) => {
      const part = chunks.length > 1 ? `part${index + 1}` : "";
      ctx.drafts.push(
        draft(ctx, group, "EGRESS", { kind: "fqdns", fqdns }, entry.flows.filter((f) => f.peer.kind === "host" && fqdns.includes(f.peer.host.toLowerCase())), entry.allows, {
          base: gcpName(ctx.options.prefix, group.name, "out-fqdn", key, part),
          layer: "policy",
        }),
      );
    });
  }
}

/**
 * Why a host cannot be an FQDN object. Cloud NGFW resolves each FQDN object through DNS to at
 * most 32 IPv4 and 32 IPv6 addresses, so a wildcard ("*.docker.io") or a bare top-level domain
 * has nothing to resolve; GCP rejects them.
 */
export function fqdnProblem(host: string): string | undefined {
  if (host.includes("*")) return "a wildcard cannot be a GCP FQDN object (FQDN objects are resolved through DNS to addresses); name the concrete hosts in a layout rule with to: { hosts: [...] }";
  const label = "[a-z0-9](?:[-a-z0-9]{0,61}[a-z0-9])?";
  if (host.length > 253 || !new RegExp(`^(?:${label}\\.)+${label}$`).test(host)) {
    return "not a fully qualified domain name (GCP FQDN objects need at least two labels of letters, digits and hyphens)";
  }
  return undefined;
}

function unexpressed(ctx: Context, group: PlanGroup, flow: Flow, blocked: boolean, why: string): void {
  if (flow.peer.kind !== "host") return;
  ctx.hosts.push({
    group: group.name,
    host: flow.peer.host,
    allows: allowsFor([flow], "groups", false),
    blocked,
    why,
    reasons: flow.reasons.map((r) => `${r.profile}/${r.row}`),
  });
}

function draft(
  ctx: Context,
  group: PlanGroup,
  direction: "INGRESS" | "EGRESS",
  peer: GcpPeer,
  flows: readonly Flow[],
  allows: GcpAllow[],
  extra: { base: string; priority?: number; layer?: "vpc" | "policy" },
): Draft {
  return {
    base: extra.base,
    layer: extra.layer ?? "vpc",
    direction,
    action: "allow",
    group: group.name,
    peer,
    allows,
    description: describeRule(ctx.plan.layout, group.name, direction, peer, flows),
    flows: [...new Set(flows.map((flow) => flow.key))].sort(),
    ...(extra.priority === undefined ? {} : { priority: extra.priority }),
  };
}

/** Flows per source/destination group, in group-name order. */
function byGroupPeer(flows: readonly Flow[]): Map<string, Flow[]> {
  const groups = new Map<string, Flow[]>();
  for (const flow of flows) {
    if (flow.peer.kind !== "group") continue;
    groups.set(flow.peer.group, [...(groups.get(flow.peer.group) ?? []), flow]);
  }
  return new Map([...groups.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

interface PackedSet {
  readonly label: string;
  readonly peer: GcpPeer;
  /** Plan flows the rule carries at least in part. */
  readonly flows: Flow[];
  readonly allows: GcpAllow[];
}

const PEER_FAMILIES: readonly ("groups" | GcpFamily)[] = ["groups", "ipv4", "ipv6"];

/**
 * Flows packed per kind of other end (node groups; IPv4 ranges; IPv6 ranges): one set per
 * distinct set of sources (or destinations) that want the same protocols and ports.
 */
function packedSets(flows: readonly Flow[], dual: boolean): PackedSet[] {
  const sets: PackedSet[] = [];
  for (const family of PEER_FAMILIES) {
    const mine = flows.filter((flow) => (family === "groups" ? flow.peer.kind === "group" : flow.peer.kind === "cidr" && flow.peer.family === family));
    if (mine.length === 0) continue;
    const bySource = new Map<string, Flow[]>();
    const wanted: WantedEntry[] = [];
    for (const flow of mine) {
      const source = flow.peer.kind === "group" ? flow.peer.group : flow.peer.kind === "cidr" ? flow.peer.cidr : "";
      bySource.set(source, [...(bySource.get(source) ?? []), flow]);
      for (const protocol of gcpProtocols(flow.protocol, family, dual)) {
        wanted.push({ source, protocol, ...(hasPorts(flow.protocol) && flow.ports ? { ports: flow.ports } : {}) });
      }
    }
    for (const packed of packBySourceSet(wanted)) {
      const allows = orderAllows(packed.entries.map((entry) => ({ protocol: entry.protocol, ...(entry.ports ? { ports: entry.ports.map(formatPortRange) } : {}) })));
      for (const sources of family === "groups" ? chunkSources(packed.sources, MAX_SOURCE_IDENTITIES) : [[...packed.sources]]) {
        const carried = sources.flatMap((source) => (bySource.get(source) ?? []).filter((flow) => carries(flow, packed.entries, family, dual)));
        if (family === "groups") {
          sets.push({ label: sources.join("-"), peer: { kind: "groups", groups: sources }, flows: carried, allows });
          continue;
        }
        const names = carried.flatMap((flow) => (flow.peer.kind !== "cidr" ? [] : flow.peer.world ? ["anywhere"] : flow.peer.peers));
        const label = [...new Set(names)].sort().join("-");
        sets.push({ label: `${label}-${SUFFIX[family]}`, peer: { kind: "ranges", family, ranges: sources, label }, flows: carried, allows });
      }
    }
  }
  return sets;
}

/** Whether a rule with these entries allows some of the flow's traffic. */
function carries(flow: Flow, entries: readonly { protocol: string; ports?: readonly PortRange[] }[], family: RuleFamily, dual: boolean): boolean {
  return gcpProtocols(flow.protocol, family, dual).some((protocol) =>
    entries.some(
      (entry) =>
        entry.protocol === protocol &&
        (!entry.ports || !flow.ports || !hasPorts(flow.protocol) || entry.ports.some((range) => range.from <= flow.ports!.to && range.to >= flow.ports!.from)),
    ),
  );
}

/**
 * Two rules whose names slug to the same text (peer "api_clients" and "api-clients") both get a
 * hash of their content appended, so neither name depends on the order rules were built in.
 */
function uniqueNames(drafts: readonly Draft[]): (Omit<GcpRuleSpec, "priority"> & { priority?: number })[] {
  const count = new Map<string, number>();
  for (const d of drafts) count.set(d.base, (count.get(d.base) ?? 0) + 1);
  return drafts.map(({ base, ...rest }) => ({
    ...rest,
    name: (count.get(base) ?? 0) > 1 ? disambiguate(base, `${rest.layer}|${rest.action}|${rest.direction}|${rest.group}|${peerText(rest.peer)}`) : base,
  }));
}

function peerText(peer: GcpPeer): string {
  if (peer.kind === "groups") return `groups:${peer.groups.join(",")}`;
  if (peer.kind === "ranges") return `ranges:${peer.ranges.join(",")}`;
  return `fqdns:${peer.fqdns.join(",")}`;
}

function flowPeerText(flow: Flow): string {
  if (flow.peer.kind === "group") return `group ${flow.peer.group}`;
  if (flow.peer.kind === "cidr") return flow.peer.cidr;
  return flow.peer.host;
}

function reasonList(flow: Flow): string {
  return flow.reasons.map((r) => `${r.profile}/${r.row}`).join(", ");
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
