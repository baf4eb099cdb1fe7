/**
 * Every profile in the catalog, in every documented option value, compiled and translated for
 * GCP. Checked independently of the translation code: GCP's name syntax, protocols and ports,
 * a source on every ingress rule, one address family per rule, and that the rules allow exactly
 * the plan's flows (every flow carried; no rule opens a port no flow asked for).
 *
 * The checks are a function of the plan and the name prefix, so a case whose options compile to
 * the same plan as an earlier case (a default spelled out, an option the profile ignores)
 * reports that plan's outcome, a failure included, instead of translating it again.
 */
import { describe, expect, it } from "vitest";
import * as pulumi from "@pulumi/pulumi";
import { compile } from "../components/compiler/compile";
import { parseCidr } from "../components/model/cidr";
import type { Layout, NodeGroup } from "../components/model/layout";
import type { ProfileId, RoleName } from "../components/model/catalogTypes";
import { OPTION_INFO, type LayoutOptions, type OptionName } from "../components/model/options";
import type { Flow, Plan } from "../components/model/plan";
import type { Profile } from "../components/model/requirement";
import { slug } from "../components/naming/stableName";
import { CATALOG } from "../components/profiles/catalog";
import { GcpClusterFirewall } from "../components/gcp";
import { translatePlan } from "../components/gcp/gcpRules";
import type { GcpRuleSpec, GcpTranslateOptions } from "../components/gcp/gcpRuleSpec";
import { installRecordingMocks } from "../components/preview/recordingMocks";

const GCP_NAME = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const NAMED_PROTOCOLS = new Set(["tcp", "udp", "icmp", "esp", "ah", "sctp", "all"]);
/** What each plan protocol may become on GCP (ICMP is 58 towards IPv6). */
const GCP_FOR: Record<string, readonly string[]> = { tcp: ["tcp"], udp: ["udp"], icmp: ["icmp", "58"], ipip: ["4"], ipip94: ["94"], esp: ["esp"], all: ["all"] };

/** Options a value needs to be valid with (CNI-specific options name their CNI). */
function companions(option: OptionName, value: unknown): Partial<LayoutOptions> {
  if (option === "calicoMode" || option === "calicoTypha") return { cni: "calico" };
  if (option === "ciliumTunnel" || option === "hubble") return { cni: "cilium" };
  if (option === "encryption" && value === "ipsec") return { cni: "cilium" };
  return {};
}

function optionModes(profile: Profile): { label: string; options: Partial<LayoutOptions> }[] {
  const modes: { label: string; options: Partial<LayoutOptions> }[] = [{ label: "defaults", options: {} }];
  for (const option of profile.options) {
    const values = OPTION_INFO[option].values ?? [true, false];
    for (const value of values) {
      modes.push({ label: `${option}=${String(value)}`, options: { ...companions(option, value), [option]: value } as Partial<LayoutOptions> });
    }
  }
  return modes;
}

const groupName = (text: string) => slug(text).slice(0, 32).replace(/-+$/, "");

/**
 * CNI overlays (profiles without roles) are documented to apply to a distribution's nodes, so
 * they are compiled on top of the upstream Kubernetes profile, the way a user would use them.
 */
function profilesOf(profile: Profile): Profile[] {
  if (Object.keys(profile.roles).length > 0) return [profile];
  const base = CATALOG.find((p) => p.id === "kubernetes") ?? CATALOG.find((p) => Object.keys(p.roles).length > 0);
  if (!base) throw new Error(`no profile with roles to carry overlay ${profile.id}`);
  return [base, profile];
}

/** A group per role (per cluster kind when the profile has kinds) and CIDRs for every peer. */
function layoutFor(profile: Profile, options: Partial<LayoutOptions>, clustered: boolean, dualStack: boolean): Layout {
  const used = profilesOf(profile);
  const roles = [...new Set(used.flatMap((p) => Object.keys(p.roles) as RoleName[]))];
  const kinds = clustered ? Object.keys(profile.clusterKinds ?? {}) : [];
  const groups: Record<string, NodeGroup> = {};
  if (kinds.length === 0) for (const role of roles) groups[groupName(role)] = { roles: [role] };
  for (const kind of kinds) for (const role of roles) groups[groupName(`${kind}-${role}`)] = { roles: [role], cluster: kind };
  const peers = Object.fromEntries(
    [...new Set(used.flatMap((p) => Object.keys(p.peers)))].map((peer, i) => [peer, dualStack ? [`10.${100 + i}.0.0/16`, `fd00:${i + 1}::/32`] : [`10.${100 + i}.0.0/16`]]),
  );
  return {
    name: `${profile.id}-catalog`,
    profiles: used.map((p) => p.id as ProfileId),
    options,
    ...(kinds.length > 0 ? { clusters: Object.fromEntries(kinds.map((kind) => [kind, { kind }])) } : {}),
    groups,
    peers,
  };
}

interface Case {
  readonly label: string;
  readonly layout: Layout;
}

function cases(): Case[] {
  return CATALOG.flatMap((profile) => {
    const shapes = [
      { clustered: false, dual: false },
      { clustered: false, dual: true },
      ...(profile.clusterKinds ? [{ clustered: true, dual: false }] : []),
    ];
    return shapes.flatMap((shape) =>
      optionModes(profile).map((mode) => ({
        label: `${profile.id} ${mode.label}${shape.clustered ? " clustered" : ""}${shape.dual ? " dual-stack" : ""}`,
        layout: layoutFor(profile, mode.options, shape.clustered, shape.dual),
      })),
    );
  });
}

const TRANSLATIONS: { label: string; options: Omit<GcpTranslateOptions, "prefix"> }[] = [
  { label: "default egress", options: { priority: 1000, restrictEgress: false, nodeRanges: [], fqdnEgress: false } },
  { label: "restricted FQDN egress", options: { priority: 1000, restrictEgress: true, nodeRanges: ["10.0.0.0/16", "fd00:ffff::/48"], fqdnEgress: true } },
];

function problems(rule: GcpRuleSpec): string[] {
  const out: string[] = [];
  if (!GCP_NAME.test(rule.name) || rule.name.length > 63) out.push(`bad name ${rule.name}`);
  if (rule.description.length > 2048) out.push("description too long");
  if (rule.allows.length === 0) out.push("no protocols");
  for (const allow of rule.allows) {
    const numeric = /^\d+$/.test(allow.protocol);
    if (!NAMED_PROTOCOLS.has(allow.protocol) && !(numeric && Number(allow.protocol) <= 255)) out.push(`bad protocol ${allow.protocol}`);
    if (allow.ports && allow.protocol !== "tcp" && allow.protocol !== "udp") out.push(`ports on ${allow.protocol}`);
    for (const port of allow.ports ?? []) {
      const [from, to = from] = port.split("-").map(Number);
      if (!/^\d+(-\d+)?$/.test(port) || from! < 1 || to! > 65535 || from! > to!) out.push(`bad port ${port}`);
    }
  }
  if (rule.direction === "INGRESS" && !(rule.peer.kind === "group" || (rule.peer.kind === "ranges" && rule.peer.ranges.length > 0))) {
    out.push("ingress rule without a source");
  }
  if (rule.peer.kind === "ranges") {
    const family = rule.peer.family;
    if (rule.peer.ranges.some((cidr) => parseCidr(cidr).family !== family)) out.push("mixed address families");
  }
  if (rule.peer.kind === "group" && rule.direction === "EGRESS") out.push("egress to a tag");
  if (rule.layer === "vpc" && (rule.priority < 0 || rule.priority > 65535)) out.push(`priority ${rule.priority}`);
  return out;
}

type Range = [number, number];

function rangeOf(port: string): Range {
  const [from, to = from] = port.split("-").map(Number);
  return [from!, to!];
}

/** Whether `range` lies inside the union of `ranges`. */
function covered(range: Range, ranges: readonly Range[]): boolean {
  let reach = range[0] - 1;
  for (const [from, to] of [...ranges].sort((a, b) => a[0] - b[0])) {
    if (from > reach + 1) break;
    reach = Math.max(reach, to);
  }
  return reach >= range[1];
}

function flowRange(flow: Flow): Range {
  return flow.ports ? [flow.ports.from, flow.ports.to] : [1, 65535];
}

/** Ingress flows the rule's peer stands for, for one source (a group name or a CIDR). */
function flowsFor(plan: Plan, rule: GcpRuleSpec, source: string): Flow[] {
  const group = plan.groups.find((g) => g.name === rule.group)!;
  return group.ingress.filter((flow) => (flow.peer.kind === "group" ? flow.peer.group === source : flow.peer.kind === "cidr" && flow.peer.cidr === source));
}

/** No rule allows what no flow asked for (ICMP types aside, which GCP cannot filter). */
function exactness(plan: Plan, rule: GcpRuleSpec): string[] {
  if (rule.direction !== "INGRESS") return [];
  const sources = rule.peer.kind === "group" ? [rule.peer.group] : rule.peer.kind === "ranges" ? rule.peer.ranges : [];
  const out: string[] = [];
  for (const source of sources) {
    const flows = flowsFor(plan, rule, source);
    for (const allow of rule.allows) {
      const matching = flows.filter((flow) => GCP_FOR[flow.protocol]!.includes(allow.protocol));
      if (matching.length === 0) out.push(`${rule.name}: ${allow.protocol} from ${source} has no flow`);
      for (const port of allow.ports ?? []) {
        if (!covered(rangeOf(port), matching.map(flowRange))) out.push(`${rule.name}: ${allow.protocol} ${port} from ${source} wider than the plan`);
      }
    }
  }
  return out;
}

/** Every ingress flow is carried by a rule of its group with its peer, protocol and ports. */
function completeness(plan: Plan, rules: readonly GcpRuleSpec[]): string[] {
  const out: string[] = [];
  for (const group of plan.groups) {
    for (const flow of group.ingress) {
      if (flow.peer.kind === "host") continue;
      const peer = flow.peer;
      const candidates = rules.filter(
        (rule) =>
          rule.group === group.name &&
          rule.direction === "INGRESS" &&
          (peer.kind === "group" ? rule.peer.kind === "group" && rule.peer.group === peer.group : rule.peer.kind === "ranges" && rule.peer.ranges.includes(peer.cidr)),
      );
      const ok = candidates.some((rule) =>
        rule.allows.some(
          (allow) =>
            (GCP_FOR[flow.protocol]!.includes(allow.protocol) || allow.protocol === "all") &&
            (!allow.ports || (flow.ports !== undefined && allow.ports.some((port) => covered(flowRange(flow), [rangeOf(port)])))),
        ),
      );
      if (!ok) out.push(`${group.name} ${flow.key} is not carried by any rule`);
    }
  }
  return out;
}

/** Both translations of one plan: valid, exact and complete. */
function checkTranslations(layout: Layout, plan: Plan): void {
  for (const translation of TRANSLATIONS) {
    const result = translatePlan(plan, { prefix: slug(layout.name), ...translation.options });
    const names = result.rules.map((rule) => rule.name);
    expect(new Set(names).size, `${translation.label}: duplicate names`).toBe(names.length);
    expect(result.rules.flatMap(problems), translation.label).toEqual([]);
    expect(result.rules.flatMap((rule) => exactness(plan, rule)), translation.label).toEqual([]);
    expect(completeness(plan, result.rules), translation.label).toEqual([]);
    if (translation.options.restrictEgress) {
      // Every group, even one that sends nothing, is shut for IPv4 and IPv6.
      for (const group of plan.groups) {
        const denies = result.rules.filter((r) => r.group === group.name && r.action === "deny");
        expect(denies.map((r) => (r.peer.kind === "ranges" ? r.peer.ranges.join() : "")).sort()).toEqual(["0.0.0.0/0", "::/0"]);
      }
      const policy = result.rules.filter((r) => r.layer === "policy");
      expect(new Set(policy.map((r) => r.priority)).size).toBe(policy.length);
    }
  }
}

describe("every catalog profile translates to valid, exact GCP rules", () => {
  const all = cases();

  it("covers every profile in the catalog", () => {
    expect(new Set(all.flatMap((c) => c.layout.profiles))).toEqual(new Set(CATALOG.map((p) => p.id)));
  });

  const checked = new Map<string, unknown>();
  it.each(all.map((c) => [c.label, c] as const))("%s", (_label, { layout }) => {
    const plan = compile(layout);
    const key = `${slug(layout.name)} ${JSON.stringify(plan)}`;
    if (!checked.has(key)) {
      try {
        checkTranslations(layout, plan);
        checked.set(key, undefined);
      } catch (error) {
        checked.set(key, error);
      }
    }
    const failure = checked.get(key);
    if (failure !== undefined) throw failure;
  });
});

describe("every catalog profile under Pulumi mocks", () => {
  it("registers only valid GCP firewall rules, each ingress rule with a source", async () => {
    const recorder = await installRecordingMocks();
    const components = CATALOG.map((profile) => new GcpClusterFirewall(`cat-${profile.id}`, { layout: layoutFor(profile, {}, false, true), network: "k8s", project: "acme" }));
    await Promise.all(components.map((c) => new Promise((resolve) => pulumi.output(c.summary).apply(resolve))));
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    const rules = recorder.resources.filter((r) => r.type === "gcp:compute/firewall:Firewall");
    const expected = components.reduce((sum, c) => sum + c.translation.rules.length, 0);
    expect(rules.length).toBe(expected);
    expect(rules.length).toBeGreaterThan(CATALOG.length);
    for (const rule of rules) {
      const inputs = rule.inputs as {
        name: string;
        direction: string;
        sourceRanges?: string[];
        sourceTags?: string[];
        targetTags?: string[];
        allows: { protocol: string; ports?: string[] }[];
      };
      expect(inputs.name).toBe(rule.name);
      expect(inputs.name).toMatch(GCP_NAME);
      expect(inputs.name.length).toBeLessThanOrEqual(63);
      expect(inputs.direction).toBe("INGRESS");
      expect((inputs.sourceRanges?.length ?? 0) + (inputs.sourceTags?.length ?? 0), rule.name).toBeGreaterThan(0);
      expect(inputs.targetTags).toHaveLength(1);
      for (const tag of [...(inputs.targetTags ?? []), ...(inputs.sourceTags ?? [])]) expect(tag).toMatch(GCP_NAME);
      for (const allow of inputs.allows) {
        expect(NAMED_PROTOCOLS.has(allow.protocol) || /^\d{1,3}$/.test(allow.protocol), allow.protocol).toBe(true);
        if (allow.ports) expect(["tcp", "udp"]).toContain(allow.protocol);
      }
    }
  });
});
