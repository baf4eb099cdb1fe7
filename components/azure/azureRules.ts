/**
 * Plan -> Azure NSG rule specs. Pure: no Pulumi, no I/O; the same plan and options always give
 * the same rules with the same names and priorities.
 *
 * One NSG holds the whole cluster and each node group is an application security group (ASG), so
 * a rule says "from ASG masters to ASG workers" wherever the NSG is attached (the subnets or the
 * NICs of the nodes). One NSG per group would need every NIC's NSG to repeat the other groups'
 * rules, and the subnet-plus-NIC evaluation would have to allow each flow twice.
 *
 * Allow rules are packed exactly, per direction, group, protocol and kind of other side (node
 * groups' ASGs, IPv4 prefixes, IPv6 prefixes, one service tag), with every port in
 * destinationPortRanges (see allowRules). Node groups that the same standing vendor rows ask for
 * share one rule listing their ASGs; what one other end wants beyond that, and every CIDR or tag,
 * gets a rule of its own. Every (other end, protocol, port) a rule allows is one the plan asks
 * for, and every one the plan asks for is allowed. No rule's identity (so its name and priority)
 * depends on its ports or on which node groups it lists: a one-port edit changes at most two rules,
 * and adding or removing a node group, CIDR, peer or layout rule never re-creates a surviving rule.
 *
 * Inbound: Azure's default AllowVnetInBound (65000) admits the whole virtual network, peered
 * networks and VPN/ExpressRoute ranges to every port, which would make the group rules moot for
 * anything inside. Unless allowVirtualNetworkInbound is set, deny rules at 4087-4096 drop other
 * VirtualNetwork traffic to the cluster's ASGs, after every allow rule.
 * Outbound: Azure's defaults allow all outbound, so by default no outbound rule is created. With
 * restrictEgress, the plan's outbound flows become allow rules and deny rules drop the rest.
 */
import { KubeportsError, type InputIssue } from "../model/errors";
import { knownList } from "../model/suggest";
import { checkPlan } from "../firewall/checkPlan";
import type { Flow, FlowPeer, Plan, PlanGroup } from "../model/plan";
import { MAX_PORT, MIN_PORT, formatPortRange } from "../model/ports";
import { shortHash } from "../naming/stableName";
import { cidrMemberships, cidrSide, serviceTagIssues } from "./azureCidrSides";
import { describeAllow, describeDeny } from "./azureDescriptions";
import { checkLimits, MAX_ASGS_PER_SIDE } from "./azureLimits";
import { azureName, disambiguate } from "./azureNames";
import { packEnds, rowOf, type PackedRule } from "./azurePacking";
import { DENY_BAND, PriorityCollision, assignPriorities, freeSlotCount } from "./azurePriorities";
import { azureProtocol, tunnelIssues } from "./azureProtocol";
import type { AzureDirection, AzureFamily, AzureProtocol, AzureRuleSpec, AzureSide, AzureTranslateOptions, AzureTranslation, UnexpressedHost } from "./azureRuleSpec";

const PROTOCOL_LABEL: Record<AzureProtocol, string> = { Tcp: "tcp", Udp: "udp", Icmp: "icmp", Esp: "esp", "*": "any" };

/** Flows of one direction, group, protocol and kind of other side, before packing. */
interface Bucket {
  readonly direction: AzureDirection;
  readonly group: string;
  readonly protocol: AzureProtocol;
  /** "groups", "prefixes:ipv4", "prefixes:ipv6" or "tag:<tag>". */
  readonly kind: string;
  readonly tag?: { readonly tag: string; readonly label: string };
  readonly family?: AzureFamily;
  /** Each flow with its other end: a group name, a CIDR or the tag. */
  readonly flows: { readonly end: string; readonly flow: Flow }[];
}

/** A rule before its priority; `widened` says what Azure allows beyond the plan, for the notes. */
type Draft = Omit<AzureRuleSpec, "priority"> & { readonly priority?: number; readonly widened?: readonly string[] };

interface Context {
  readonly plan: Plan;
  readonly options: AzureTranslateOptions;
  readonly memberships: ReadonlyMap<string, readonly string[]>;
  readonly buckets: Map<string, Bucket>;
  readonly hosts: UnexpressedHost[];
  readonly notes: Set<string>;
  readonly issues: InputIssue[];
}

function fail(plan: Plan, subject: string, issues: readonly InputIssue[]): never {
  throw new KubeportsError(`Azure firewall for layout "${plan.layout}" ${subject}`, issues);
}

/** Translates a plan into NSG rule specs with stable priorities, or throws a KubeportsError listing every problem. */
export function translatePlan(plan: Plan, options: AzureTranslateOptions): AzureTranslation {
  // The same check the AWS and GCP translators run: a plan given directly (JSON, another
  // language, another kubeports version) did not pass compile()'s checks in this process.
  const broken = checkPlan(plan);
  if (broken.length > 0) throw new KubeportsError(`Azure firewall for layout "${String(plan?.layout ?? "")}" cannot be built from this plan`, broken);
  const memberships = cidrMemberships(plan);
  const ctx: Context = { plan, options, memberships, buckets: new Map(), hosts: [], notes: new Set(), issues: [] };
  ctx.issues.push(...serviceTagIssues(plan, memberships, options.serviceTags));
  const flows = plan.groups.flatMap((group) => [...group.ingress, ...(options.restrictEgress ? group.egress : [])]);
  if (!options.allowIpInIpAsAnyProtocol) ctx.issues.push(...tunnelIssues(plan, flows));
  for (const group of plan.groups) {
    for (const flow of group.ingress) add(ctx, group, "Inbound", flow);
    for (const flow of group.egress) {
      if (options.restrictEgress) add(ctx, group, "Outbound", flow);
      else if (flow.peer.kind === "host") unexpressedHost(ctx, group, flow);
    }
  }
  if (ctx.issues.length > 0) fail(plan, "cannot be built", ctx.issues);

  const drafts = [...ctx.buckets.values()].flatMap((bucket) => allowRules(ctx, bucket));
  drafts.push(...denyRules(plan, options));
  addNotes(ctx);
  const named = uniqueNames(drafts);
  for (const draft of named) for (const text of draft.widened ?? []) ctx.notes.add(`${draft.name} ${text}`);
  const rules = prioritize(plan, options, named.map(({ widened: _, ...rule }) => rule));
  const problems = checkLimits(rules, options.reserved);
  if (problems.length > 0) fail(plan, "breaks an Azure limit", problems);
  return { rules, hosts: ctx.hosts, notes: [...ctx.notes].sort() };
}

function add(ctx: Context, group: PlanGroup, direction: AzureDirection, flow: Flow): void {
  if (flow.peer.kind === "host") return unexpressedHost(ctx, group, flow);
  const protocol = azureProtocol(flow.protocol, ctx.options.allowIpInIpAsAnyProtocol);
  if (!protocol) return; // reported by tunnelIssues
  const other = otherEnd(ctx, flow.peer);
  if ("path" in other) {
    ctx.issues.push(other);
    return;
  }
  const key = JSON.stringify([direction, group.name, protocol, other.kind]);
  const bucket: Bucket = ctx.buckets.get(key) ?? { direction, group: group.name, protocol, kind: other.kind, ...(other.tag ? { tag: other.tag } : {}), ...(other.family ? { family: other.family } : {}), flows: [] };
  bucket.flows.push({ end: other.end, flow });
  ctx.buckets.set(key, bucket);
}

/** The other end of a flow and the kind of rule side it can share: ASGs, one family's prefixes, or one service tag. */
function otherEnd(
  ctx: Context,
  peer: Exclude<FlowPeer, { kind: "host" }>,
): { end: string; kind: string; tag?: { tag: string; label: string }; family?: AzureFamily } | InputIssue {
  if (peer.kind === "group") return { end: peer.group, kind: "groups" };
  const side = cidrSide(peer.cidr, peer.family, ctx.memberships, ctx.options.serviceTags);
  if ("path" in side) return side;
  if (side.tag) return { end: side.tag, kind: `tag:${side.tag}`, tag: { tag: side.tag, label: side.label } };
  return { end: peer.cidr, kind: `prefixes:${peer.family}`, family: peer.family };
}

function unexpressedHost(ctx: Context, group: PlanGroup, flow: Flow): void {
  if (flow.peer.kind !== "host") return;
  ctx.hosts.push({
    group: group.name,
    host: flow.peer.host,
    protocol: flow.protocol,
    ...(flow.ports ? { ports: formatPortRange(flow.ports) } : {}),
    blocked: ctx.options.restrictEgress,
    reasons: flow.reasons.map((r) => `${r.profile}/${r.row}`),
  });
}

/**
 * The bucket's allow rules, packed exactly (azurePacking). Identity, and so name and priority: a
 * class rule is (group, protocol, kind, standing rows), an end's own rule is (group, protocol,
 * other end); never ports or members. So, per NSG direction: a feature toggle or a vendor row's
 * new ports update class rules in place; a layout rule's port updates or creates an end's own
 * rule; adding a node group joins classes in place and creates its own rules; removing one leaves
 * classes and deletes rules. Only a choice option (cni, calicoMode, ...) or a new profile
 * version renames a class (checked by the replay, not guaranteed; see azurePriorities).
 */
function allowRules(ctx: Context, bucket: Bucket): Draft[] {
  const ported = bucket.protocol === "Tcp" || bucket.protocol === "Udp";
  return packEnds(bucket.flows, { ported, groups: bucket.kind === "groups", perRule: MAX_ASGS_PER_SIDE }).map((rule) => draft(ctx, bucket, rule, ported));
}

function draft(ctx: Context, bucket: Bucket, rule: PackedRule, ported: boolean): Draft {
  const { ends, flows, ports } = rule;
  const { other, label } = otherSide(ctx, bucket, ends, flows);
  const self: AzureSide = { kind: "groups", groups: [bucket.group] };
  const inbound = bucket.direction === "Inbound";
  const reasons = [...new Set(flows.flatMap((flow) => flow.reasons.map(rowOf)))].sort();
  const every = ports.length === 1 && ports[0]!.from === MIN_PORT && ports[0]!.to === MAX_PORT;
  const protocol = PROTOCOL_LABEL[bucket.protocol];
  const { prefix } = ctx.options;
  const base = [prefix, bucket.direction, bucket.group, bucket.kind, bucket.protocol];
  const part = rule.kind === "class" && rule.part > 0 ? rule.part : undefined;
  const identity = rule.kind === "class" ? [...base, "rows", rule.rows, ...(part ? [part] : [])] : [...base, rule.ends[0]];
  const name =
    rule.kind === "class"
      ? azureName(prefix, bucket.group, inbound ? "in" : "out", "nodes", protocol, rowsLabel(rule.rows), ...(part ? [`part-${part + 1}`] : []))
      : azureName(prefix, bucket.group, inbound ? "in-from" : "out-to", label, protocol);
  return {
    name,
    widened: widenings(bucket.protocol, flows),
    identity: JSON.stringify(identity),
    direction: bucket.direction,
    access: "Allow",
    groups: [bucket.group],
    source: inbound ? other : self,
    destination: inbound ? self : other,
    protocol: bucket.protocol,
    ...(ported && !every ? { ports: ports.map(formatPortRange) } : {}),
    description: describeAllow(ctx.plan.layout, reasons),
    flows: [...new Set(flows.map((flow) => flow.key))].sort(),
    reasons,
  };
}

/**
 * The rows a class rule carries, in its name: the row's id, or the first row's id, how many more,
 * and a hash of all of them (so two classes that start alike never share a name).
 */
function rowsLabel(rows: readonly string[]): string {
  const id = (row: string) => row.slice(row.indexOf("/") + 1);
  return rows.length === 1 ? id(rows[0]!) : `${id(rows[0]!)}-and-${rows.length - 1}-${shortHash(rows.join("\n"), 5)}`;
}

/**
 * The rule side for some other ends of one kind, and the readable part of an end's own rule name:
 * the group, the service tag's label, or the CIDR itself (not its peers' names: the same CIDR can
 * join or leave a peer, and the rule must keep its name then).
 */
function otherSide(ctx: Context, bucket: Bucket, ends: readonly string[], flows: readonly Flow[]): { other: AzureSide; label: string } {
  if (bucket.kind === "groups") return { other: { kind: "groups", groups: [...ends] }, label: ends.join("-") };
  const cidrs = flows.flatMap((flow) => (flow.peer.kind === "cidr" ? [flow.peer] : []));
  if (bucket.tag) {
    const peers = [...new Set(cidrs.flatMap((peer) => ctx.memberships.get(peer.cidr) ?? []))].sort();
    return { other: { kind: "tag", tag: bucket.tag.tag, peers }, label: bucket.tag.label };
  }
  const peers = [...new Set(cidrs.flatMap((peer) => peer.peers))].sort();
  const family = bucket.family!;
  // 0.0.0.0/0 and ::/0 would slug to "0-0-0-0-0" and "0".
  const label = cidrs.some((peer) => peer.world) ? `world-${family === "ipv4" ? "v4" : "v6"}` : ends.join("-");
  return { other: { kind: "prefixes", family, prefixes: [...ends], peers }, label };
}

/**
 * Deny rules in the fixed band 4087-4096, one per 10 groups (Azure's ASG limit per rule side).
 * Their priority is their identity: the name says which slot, and their group lists update in place.
 */
function denyRules(plan: Plan, options: AzureTranslateOptions): Draft[] {
  const groups = plan.groups.map((group) => group.name).sort();
  const chunks: string[][] = [];
  for (let i = 0; i < groups.length; i += MAX_ASGS_PER_SIDE) chunks.push(groups.slice(i, i + MAX_ASGS_PER_SIDE));
  const rules: Draft[] = [];
  chunks.forEach((chunk, index) => {
    const priority = DENY_BAND.to - index;
    const asgs: AzureSide = { kind: "groups", groups: chunk };
    const base = { access: "Deny" as const, groups: chunk, protocol: "*" as const, priority, flows: [], reasons: [] };
    if (!options.allowVirtualNetworkInbound) {
      rules.push({
        ...base,
        name: azureName(options.prefix, "in-deny-vnet", String(priority)),
        identity: JSON.stringify([options.prefix, "Inbound", "deny", priority]),
        direction: "Inbound",
        source: { kind: "tag", tag: "VirtualNetwork", peers: [] },
        destination: asgs,
        description: describeDeny(plan.layout, "Inbound", chunk),
      });
    }
    if (options.restrictEgress) {
      rules.push({
        ...base,
        name: azureName(options.prefix, "out-deny-all", String(priority)),
        identity: JSON.stringify([options.prefix, "Outbound", "deny", priority]),
        direction: "Outbound",
        source: asgs,
        destination: { kind: "any" },
        description: describeDeny(plan.layout, "Outbound", chunk),
      });
    }
  });
  return rules;
}

/** Names collide only when different peers slug alike ("apiClients", "api-clients"): add a hash. */
function uniqueNames(drafts: readonly Draft[]): Draft[] {
  const count = new Map<string, number>();
  for (const draft of drafts) count.set(draft.name, (count.get(draft.name) ?? 0) + 1);
  return drafts.map((draft) => ((count.get(draft.name) ?? 0) > 1 ? { ...draft, name: disambiguate(draft.name, draft.identity) } : draft));
}

function prioritize(plan: Plan, options: AzureTranslateOptions, drafts: readonly Draft[]): AzureRuleSpec[] {
  const issues: InputIssue[] = [];
  const rules: AzureRuleSpec[] = [];
  const free = freeSlotCount(options.reserved);
  const pins = options.priorities ?? {};
  const allowNames = drafts.filter((draft) => draft.priority === undefined).map((draft) => draft.name);
  for (const [name, value] of Object.entries(pins)) {
    if (!allowNames.includes(name)) issues.push({ path: `args.priorities.${name}`, message: `no allow rule is named "${name}" ${knownList(name, allowNames)}` });
    else if (options.reserved.some((band) => value >= band.from && value <= band.to)) issues.push({ path: `args.priorities.${name}`, message: `${value} is inside reservedPriorities; pin outside the band` });
  }
  for (const direction of ["Inbound", "Outbound"] as const) {
    const allows = drafts.filter((draft) => draft.direction === direction && draft.priority === undefined);
    if (allows.length > free) {
      issues.push({
        path: "args.reservedPriorities",
        message: `${allows.length} ${direction.toLowerCase()} allow rules need as many priorities, but only ${free} of 100-${DENY_BAND.from - 1} are outside the reserved band; narrow reservedPriorities`,
      });
      continue;
    }
    const pinned = new Map(allows.filter((draft) => pins[draft.name] !== undefined).map((draft) => [draft.identity, pins[draft.name]!]));
    const twice = [...pinned.values()].find((value, index, all) => all.indexOf(value) !== index);
    if (twice !== undefined) {
      const names = allows.filter((draft) => pins[draft.name] === twice).map((draft) => draft.name);
      issues.push({ path: `args.priorities.${names[1]}`, message: `${names.join(" and ")} are both pinned to ${direction} priority ${twice}; give each its own` });
      continue;
    }
    let priorities: Map<string, number>;
    try {
      priorities = assignPriorities(allows.map((draft) => draft.identity), options.reserved, pinned);
    } catch (error) {
      if (!(error instanceof PriorityCollision)) throw error;
      const [a, b] = error.identities.map((identity) => allows.find((draft) => draft.identity === identity)!.name);
      issues.push({
        path: "args.priorities",
        message: `${direction} rules ${a} and ${b} hash to the same priority at every level; pin one of them, for example priorities: { "${b}": ${error.freeSlot ?? "<a free priority>"} }`,
      });
      continue;
    }
    for (const draft of drafts.filter((d) => d.direction === direction)) {
      rules.push({ ...draft, priority: draft.priority ?? priorities.get(draft.identity)! });
    }
  }
  if (issues.length > 0) fail(plan, "does not fit", issues);
  return rules.sort((a, b) => a.direction.localeCompare(b.direction) || a.priority - b.priority);
}

/** What an NSG rule allows beyond its flows: every ICMP type, or every protocol for IP-in-IP. */
function widenings(protocol: AzureProtocol, flows: readonly Flow[]): string[] | undefined {
  const texts: string[] = [];
  const typed = flows.filter((flow) => flow.icmp);
  if (protocol === "Icmp" && typed.length > 0) {
    const types = [...new Set(typed.map((flow) => `type ${flow.icmp!.type}${flow.icmp!.code === undefined ? "" : ` code ${flow.icmp!.code}`}`))];
    texts.push(`allows all ICMP: NSG rules cannot match ICMP types, and the plan asks only for ${types.join(", ")}.`);
  }
  const tunnels = flows.filter((flow) => flow.protocol === "ipip" || flow.protocol === "ipip94");
  if (tunnels.length > 0) {
    const rows = [...new Set(tunnels.flatMap((flow) => flow.reasons.map((r) => `${r.profile}/${r.row}`)))].sort();
    texts.push(`allows every protocol because allowIpInIpAsAnyProtocol is set (rows ${rows.join(", ")} need IP-in-IP); Azure's network drops IP-in-IP regardless, so prefer Calico VXLAN.`);
  }
  return texts.length > 0 ? texts : undefined;
}

function addNotes(ctx: Context): void {
  const { plan, options, notes } = ctx;
  if (options.allowVirtualNetworkInbound) {
    notes.add(
      "Inbound: allowVirtualNetworkInbound is set, so Azure's AllowVnetInBound (65000) admits every address of the virtual network, peered networks and VPN/ExpressRoute ranges to every port; these rules restrict only traffic from outside.",
    );
  } else if (plan.groups.length > 0) {
    notes.add(
      `Inbound: deny rules at ${DENY_BAND.from}-${DENY_BAND.to} drop all other VirtualNetwork traffic to the cluster's ASGs; Azure's AllowAzureLoadBalancerInBound (65001) still admits load-balancer probes. Your own allow rules must sit below ${DENY_BAND.from} (reservedPriorities).`,
    );
    const native = (plan.options.cni === "calico" && plan.options.calicoMode === "bgp") || (plan.options.cni === "cilium" && plan.options.ciliumTunnel === "native");
    if (native) {
      notes.add(
        "Inbound: the CNI routes pod traffic unencapsulated, so it arrives from pod IPs that no ASG holds and the deny rules drop it; add a layout rule from a pods peer (the pod CIDR) to { nodes: true }, or use an encapsulating mode (VXLAN).",
      );
    }
  }
  if (!options.restrictEgress && plan.groups.some((group) => group.egress.length > 0)) {
    notes.add(
      "Outbound: no outbound rules are created; Azure's default AllowVnetOutBound and AllowInternetOutBound (65000, 65001) already let every planned outbound flow out. Set restrictEgress to deny everything else.",
    );
  }
  if (options.restrictEgress) {
    notes.add(
      `Outbound: restrictEgress denies everything the plan does not list (deny rules at ${DENY_BAND.from}-${DENY_BAND.to}), including outbound by host name, which NSG rules cannot express.`,
    );
  }
  const tagged = Object.entries(options.serviceTags);
  if (tagged.length > 0) notes.add(`Service tags replace these peers' CIDRs: ${tagged.map(([peer, tag]) => `${peer} -> ${tag}`).join(", ")}.`);
}
