/**
 * Every profile in the catalog, in every documented option value, compiled and translated for
 * Azure. IP-in-IP modes must fail with the documented error (and work with the opt-in); every
 * other mode must fit Azure's limits and allow exactly the plan's flows. Checked independently
 * of the translation code: name and description syntax, protocols and ports, one kind and one
 * address family per rule side, ASG and prefix counts, unique priorities, rules per NSG, and
 * that every flow is carried and no rule opens a port no flow asked for (ICMP types and the
 * IP-in-IP opt-in aside, which Azure cannot narrow).
 *
 * Each case's layout is compiled once and its plan shared by the tests below. The checks are a
 * function of the plan and the translate options, so cases whose options compile to the same
 * plan as an earlier case (a default spelled out, an option the profile ignores) report that
 * plan's problems under their own label instead of translating it again.
 */
import { describe, expect, it } from "vitest";
import { AzureClusterFirewall } from "../components/azure";
import { translatePlan } from "../components/azure/azureRules";
import type { AzureRuleSpec, AzureSide, AzureTranslateOptions, AzureTranslation } from "../components/azure/azureRuleSpec";
import { compile } from "../components/compiler/compile";
import { parseCidr } from "../components/model/cidr";
import { KubeportsError } from "../components/model/errors";
import type { Layout, NodeGroup } from "../components/model/layout";
import type { ProfileId, RoleName } from "../components/model/catalogTypes";
import { OPTION_INFO, type LayoutOptions, type OptionName } from "../components/model/options";
import type { Flow, Plan } from "../components/model/plan";
import type { Profile } from "../components/model/requirement";
import { slug } from "../components/naming/stableName";
import { CATALOG } from "../components/profiles/catalog";
import { installRecordingMocks } from "../components/preview/recordingMocks";

const AZURE_NAME = /^\w(?:[\w.-]{0,78}\w)?$/;
const PROTOCOLS = new Set(["Tcp", "Udp", "Icmp", "Esp", "*"]);
/** What each plan protocol may become on Azure. */
const AZURE_FOR: Record<string, readonly string[]> = { tcp: ["Tcp"], udp: ["Udp"], icmp: ["Icmp"], esp: ["Esp"], all: ["*"], ipip: ["*"], ipip94: ["*"] };
const TUNNELS = new Set(["ipip", "ipip94"]);

function companions(option: OptionName, value: unknown): Partial<LayoutOptions> {
  if (option === "calicoMode" || option === "calicoTypha") return { cni: "calico" };
  if (option === "ciliumTunnel" || option === "hubble") return { cni: "cilium" };
  if (option === "encryption" && value === "ipsec") return { cni: "cilium" };
  return {};
}

/** Defaults, every value of every option the profile has, and Calico VXLAN (Azure's mode). */
function optionModes(profile: Profile): { label: string; options: Partial<LayoutOptions> }[] {
  const modes: { label: string; options: Partial<LayoutOptions> }[] = [{ label: "defaults", options: {} }];
  for (const option of profile.options) {
    for (const value of OPTION_INFO[option].values ?? [true, false]) {
      modes.push({ label: `${option}=${String(value)}`, options: { ...companions(option, value), [option]: value } as Partial<LayoutOptions> });
      // A mode that switches something on should also be seen without IP-in-IP, as Azure runs it.
      if (profile.options.includes("calicoMode") && option !== "calicoMode" && option !== "cni" && !companions(option, value).cni) {
        modes.push({ label: `${option}=${String(value)} vxlan`, options: { cni: "calico", calicoMode: "vxlan", [option]: value } as Partial<LayoutOptions> });
      }
    }
  }
  return modes;
}

const groupName = (text: string) => slug(text).slice(0, 32).replace(/-+$/, "");

/** CNI overlays (profiles without roles) are compiled on top of the upstream Kubernetes profile. */
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
  readonly profile: string;
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
        profile: profile.id,
        label: `${profile.id} ${mode.label}${shape.clustered ? " clustered" : ""}${shape.dual ? " dual-stack" : ""}`,
        layout: layoutFor(profile, mode.options, shape.clustered, shape.dual),
      })),
    );
  });
}

const base: AzureTranslateOptions = { prefix: "cat", reserved: [], serviceTags: {}, allowIpInIpAsAnyProtocol: false, restrictEgress: false, allowVirtualNetworkInbound: false };
const VARIANTS: { label: string; options: AzureTranslateOptions }[] = [
  { label: "defaults", options: base },
  { label: "restrictEgress, reserved 100-999", options: { ...base, restrictEgress: true, reserved: [{ from: 100, to: 999 }] } },
];

function sideProblems(side: AzureSide, which: string): string[] {
  if (side.kind === "groups") return side.groups.length < 1 || side.groups.length > 10 ? [`${which}: ${side.groups.length} ASGs`] : [];
  if (side.kind === "prefixes") {
    const out = side.prefixes.length < 1 || side.prefixes.length > 4000 ? [`${which}: ${side.prefixes.length} prefixes`] : [];
    if (side.prefixes.some((cidr) => parseCidr(cidr).family !== side.family)) out.push(`${which}: mixed address families`);
    return out;
  }
  if (side.kind === "tag") return /^[A-Za-z][A-Za-z0-9.]*$/.test(side.tag) ? [] : [`${which}: bad tag ${side.tag}`];
  return [];
}

function ruleProblems(rule: AzureRuleSpec): string[] {
  const out: string[] = [];
  if (!AZURE_NAME.test(rule.name)) out.push(`bad name ${rule.name}`);
  if (rule.description.length > 140) out.push(`description of ${rule.description.length} characters`);
  if (!PROTOCOLS.has(rule.protocol)) out.push(`bad protocol ${rule.protocol}`);
  if (rule.ports && rule.protocol !== "Tcp" && rule.protocol !== "Udp") out.push(`ports on ${rule.protocol}`);
  for (const port of rule.ports ?? []) {
    const [from, to = from] = port.split("-").map(Number);
    if (!/^\d+(-\d+)?$/.test(port) || from! < 1 || to! > 65535 || from! > to!) out.push(`bad port ${port}`);
  }
  if (rule.ports?.length === 0) out.push("empty port list");
  out.push(...sideProblems(rule.source, "source"), ...sideProblems(rule.destination, "destination"));
  const [low, high] = rule.access === "Allow" ? [100, 4086] : [4087, 4096];
  if (rule.priority < low || rule.priority > high) out.push(`priority ${rule.priority}`);
  const own = rule.direction === "Inbound" ? rule.destination : rule.source;
  if (own.kind !== "groups" || !rule.groups.every((g) => own.groups.includes(g))) out.push("the protected groups are not the rule's own side");
  return out.map((text) => `${rule.name}: ${text}`);
}

function translationProblems(translation: AzureTranslation, reserved: AzureTranslateOptions["reserved"]): string[] {
  const out = translation.rules.flatMap(ruleProblems);
  if (translation.rules.length > 1000) out.push(`${translation.rules.length} rules in one NSG`);
  if (new Set(translation.rules.map((r) => r.name)).size !== translation.rules.length) out.push("duplicate names");
  for (const direction of ["Inbound", "Outbound"]) {
    const priorities = translation.rules.filter((r) => r.direction === direction).map((r) => r.priority);
    if (new Set(priorities).size !== priorities.length) out.push(`duplicate ${direction} priorities`);
  }
  for (const rule of translation.rules) {
    if (reserved.some((band) => rule.priority >= band.from && rule.priority <= band.to)) out.push(`${rule.name}: priority ${rule.priority} is reserved`);
  }
  const asgs = new Set(translation.rules.flatMap((r) => [r.source, r.destination]).flatMap((s) => (s.kind === "groups" ? s.groups : [])));
  if (asgs.size > 100) out.push(`${asgs.size} ASGs in one NSG`);
  return out;
}

type Range = [number, number];

function rangeOf(port: string): Range {
  const [from, to = from] = port.split("-").map(Number);
  return [from!, to!];
}

function covered(range: Range, ranges: readonly Range[]): boolean {
  let reach = range[0] - 1;
  for (const [from, to] of [...ranges].sort((a, b) => a[0] - b[0])) {
    if (from > reach + 1) break;
    reach = Math.max(reach, to);
  }
  return reach >= range[1];
}

const flowRange = (flow: Flow): Range => (flow.ports ? [flow.ports.from, flow.ports.to] : [1, 65535]);

function planFlows(plan: Plan, group: string, direction: string): readonly Flow[] {
  const found = plan.groups.find((g) => g.name === group)!;
  return direction === "Inbound" ? found.ingress : found.egress;
}

/** The group names or CIDRs a side stands for. */
function members(side: AzureSide): string[] {
  return side.kind === "groups" ? [...side.groups] : side.kind === "prefixes" ? [...side.prefixes] : [];
}

const peerIs = (flow: Flow, member: string) => (flow.peer.kind === "group" ? flow.peer.group === member : flow.peer.kind === "cidr" && flow.peer.cidr === member);

/** No allow rule opens what no flow asked for. */
function exactness(plan: Plan, rule: AzureRuleSpec): string[] {
  if (rule.access !== "Allow") return [];
  const other = rule.direction === "Inbound" ? rule.source : rule.destination;
  const out: string[] = [];
  for (const member of members(other)) {
    const matching = planFlows(plan, rule.groups[0]!, rule.direction).filter((flow) => peerIs(flow, member) && AZURE_FOR[flow.protocol]!.includes(rule.protocol));
    if (matching.length === 0) out.push(`${rule.name}: ${rule.protocol} with ${member} has no flow`);
    for (const port of rule.ports ?? (rule.protocol === "Tcp" || rule.protocol === "Udp" ? ["1-65535"] : [])) {
      if (!covered(rangeOf(port), matching.map(flowRange))) out.push(`${rule.name}: ${rule.protocol} ${port} with ${member} is wider than the plan`);
    }
  }
  return out;
}

/** Every expressed flow is carried by an allow rule of its group with its peer, protocol and ports. */
function completeness(plan: Plan, translation: AzureTranslation, restrictEgress: boolean): string[] {
  const out: string[] = [];
  for (const group of plan.groups) {
    for (const [direction, flows] of [["Inbound", group.ingress], ["Outbound", restrictEgress ? group.egress : []]] as const) {
      for (const flow of flows) {
        if (flow.peer.kind === "host") continue;
        const ok = translation.rules.some((rule) => {
          if (rule.access !== "Allow" || rule.direction !== direction || rule.groups[0] !== group.name) return false;
          const other = direction === "Inbound" ? rule.source : rule.destination;
          if (!members(other).some((member) => peerIs(flow, member))) return false;
          if (!AZURE_FOR[flow.protocol]!.includes(rule.protocol)) return false;
          return !rule.ports || (flow.ports !== undefined && rule.ports.some((port) => covered(flowRange(flow), [rangeOf(port)])));
        });
        if (!ok) out.push(`${group.name} ${flow.key} is not carried by any rule`);
      }
    }
  }
  return out;
}

function tunnelRows(plan: Plan): string[] {
  const rows = plan.groups.flatMap((g) => g.ingress).filter((f) => TUNNELS.has(f.protocol)).flatMap((f) => f.reasons.map((r) => r.row));
  return [...new Set(rows)];
}

const ALL = cases();

/** Each case compiled once (compile is pure; nothing below changes a plan), with its plan as a key. */
const compiled = new Map<Case, { plan: Plan; key: string }>();
function planOf(c: Case): { plan: Plan; key: string } {
  let found = compiled.get(c);
  if (!found) {
    const plan = compile(c.layout);
    found = { plan, key: JSON.stringify(plan) };
    compiled.set(c, found);
  }
  return found;
}

/** Everything wrong with one plan's translation under the given options (empty when it is right). */
function planProblems(plan: Plan, variantOptions: AzureTranslateOptions): string[] {
  const failures: string[] = [];
  const tunnels = tunnelRows(plan);
  if (tunnels.length > 0) {
    // The documented refusal: every IP-in-IP row named, the VXLAN fix given.
    try {
      translatePlan(plan, variantOptions);
      failures.push("IP-in-IP was not refused");
    } catch (error) {
      if (!(error instanceof KubeportsError)) throw error;
      for (const row of tunnels) if (!error.message.includes(`row "${row}"`)) failures.push(`error does not name row ${row}`);
      if (!error.issues.every((issue) => issue.message.includes("calicoMode: vxlan"))) failures.push("error does not suggest VXLAN");
    }
  }
  const options = tunnels.length > 0 ? { ...variantOptions, allowIpInIpAsAnyProtocol: true } : variantOptions;
  const translation = translatePlan(plan, options);
  failures.push(
    ...translationProblems(translation, options.reserved),
    ...translation.rules.flatMap((rule) => exactness(plan, rule)),
    ...completeness(plan, translation, options.restrictEgress),
  );
  return failures;
}

describe("every catalog profile on Azure", () => {
  it("covers every profile, in IP-in-IP and Azure-possible modes", () => {
    expect(new Set(ALL.map((c) => c.profile))).toEqual(new Set(CATALOG.map((p) => p.id)));
    expect(ALL.length).toBeGreaterThan(CATALOG.length * 4);
  });

  for (const variant of VARIANTS) {
    it(`fits Azure's limits and allows exactly the plan (${variant.label})`, () => {
      const failures: string[] = [];
      const byPlan = new Map<string, string[]>();
      for (const c of ALL) {
        const { plan, key } = planOf(c);
        if (!byPlan.has(key)) byPlan.set(key, planProblems(plan, variant.options));
        failures.push(...byPlan.get(key)!.map((p) => `${c.label}: ${p}`));
      }
      expect(failures.slice(0, 20)).toEqual([]);
    });
  }

  it("exercises the IP-in-IP refusal above for the profiles whose pages ask for it", () => {
    const withTunnels = new Set(ALL.filter((c) => tunnelRows(planOf(c).plan).length > 0).map((c) => c.profile));
    expect(withTunnels.has("super-kubenetes")).toBe(true);
    expect(withTunnels.has("dce5")).toBe(true);
  });
});

describe("every catalog profile registers under mocks", () => {
  it("registers one rule per spec, each ASG reference resolving to an ASG of the component", async () => {
    const recorder = await installRecordingMocks({ project: "kubeports", stack: "catalog" });
    const built: { name: string; firewall: AzureClusterFirewall }[] = [];
    for (const profile of CATALOG) {
      const c = ALL.find((x) => x.profile === profile.id && tunnelRows(planOf(x).plan).length === 0)!;
      const name = `cat-${profile.id}`;
      built.push({ name, firewall: new AzureClusterFirewall(name, { layout: c.layout, resourceGroupName: "rg" }) });
    }
    for (const { firewall } of built) await new Promise((resolve) => firewall.applicationSecurityGroupIds.apply(resolve));
    for (let i = 0; i < 40; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    for (const { name, firewall } of built) {
      const mine = recorder.resources.filter((r) => r.parent === name);
      const asgIds = new Set(mine.filter((r) => r.type === "azure-native:network:ApplicationSecurityGroup").map((r) => r.id));
      const rules = mine.filter((r) => r.type === "azure-native:network:SecurityRule");
      expect(rules.map((r) => r.name).sort(), name).toEqual(firewall.translation.rules.map((r) => r.name).sort());
      for (const rule of rules) {
        const refs = [rule.inputs.sourceApplicationSecurityGroups, rule.inputs.destinationApplicationSecurityGroups].flatMap((list) => (list as { id: string }[] | undefined) ?? []);
        expect(refs.length, rule.name).toBeGreaterThan(0);
        for (const ref of refs) expect(asgIds.has(ref.id), `${rule.name} -> ${ref.id}`).toBe(true);
      }
      expect(Object.values(await new Promise<Record<string, string>>((resolve) => firewall.applicationSecurityGroupIds.apply(resolve))).sort()).toEqual([...asgIds].sort());
    }
  });
});
