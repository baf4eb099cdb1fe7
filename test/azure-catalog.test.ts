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
import type { Layout } from "../components/model/layout";
import type { OptionName } from "../components/model/options";
import type { Flow, Plan } from "../components/model/plan";
import { CATALOG } from "../components/profiles/catalog";
import { installRecordingMocks, settle } from "../components/preview/recordingMocks";
import { catalogCases, companions } from "./support/catalogLayouts";

const AZURE_NAME = /^\w(?:[\w.-]{0,78}\w)?$/;
const PROTOCOLS = new Set(["Tcp", "Udp", "Icmp", "Esp", "*"]);
/** What each plan protocol may become on Azure. */
const AZURE_FOR: Record<string, readonly string[]> = { tcp: ["Tcp"], udp: ["Udp"], icmp: ["Icmp"], esp: ["Esp"], all: ["*"], ipip: ["*"], ipip94: ["*"] };
const TUNNELS = new Set(["ipip", "ipip94"]);

interface Case {
  readonly profile: string;
  readonly label: string;
  readonly layout: Layout;
}

/**
 * The shared catalog generator's cases (single-stack, dual-stack, per cluster kind), each under
 * one name per profile so modes that compile to the same plan share its check. A mode that
 * switches something on in a profile that reads calicoMode is also taken in Calico VXLAN,
 * Azure's mode, so it is seen without IP-in-IP too.
 */
function cases(): Case[] {
  return catalogCases([{}, { dualStack: true }, { clustered: true }]).flatMap((c) => {
    const named = { ...c.layout, name: `${c.profile.id}-catalog` };
    const own = { profile: c.profile.id, label: c.label, layout: named };
    const option = Object.keys(c.mode.options).find((key) => key !== "cni") as OptionName | undefined;
    const value = option === undefined ? undefined : c.mode.options[option];
    const twin = c.profile.options.includes("calicoMode") && option !== undefined && option !== "calicoMode" && !companions(option, value).cni;
    if (!twin) return [own];
    const vxlan = { ...named, options: { cni: "calico" as const, calicoMode: "vxlan" as const, [option]: value } };
    return [own, { profile: c.profile.id, label: c.label.replace(c.mode.label, `${c.mode.label} vxlan`), layout: vxlan }];
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

/** Every expressed flow is carried by the allow rules of its group with its peer, protocol and ports (together). */
function completeness(plan: Plan, translation: AzureTranslation, restrictEgress: boolean): string[] {
  const out: string[] = [];
  for (const group of plan.groups) {
    for (const [direction, flows] of [["Inbound", group.ingress], ["Outbound", restrictEgress ? group.egress : []]] as const) {
      for (const flow of flows) {
        if (flow.peer.kind === "host") continue;
        const carrying = translation.rules.filter((rule) => {
          if (rule.access !== "Allow" || rule.direction !== direction || rule.groups[0] !== group.name) return false;
          const other = direction === "Inbound" ? rule.source : rule.destination;
          if (!members(other).some((member) => peerIs(flow, member))) return false;
          return AZURE_FOR[flow.protocol]!.includes(rule.protocol);
        });
        const ok = carrying.some((rule) => !rule.ports) || (flow.ports !== undefined && covered(flowRange(flow), carrying.flatMap((rule) => rule.ports!.map(rangeOf))));
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
  // One mocked run per profile, each settled (every registration answered) before its checks.
  it.each(CATALOG.map((profile) => [profile.id] as const))("%s: registers one rule per spec, each ASG reference resolving to an ASG of the component", async (id) => {
    const recorder = await installRecordingMocks({ project: "kubeports", stack: "catalog" });
    // The kubernetes profile alone has only its defaults, where the model supplements Calico's IP-in-IP: use VXLAN on Azure.
    const c =
      ALL.find((x) => x.profile === id && tunnelRows(planOf(x).plan).length === 0) ??
      ((first) => ({ ...first, layout: { ...first.layout, options: { ...first.layout.options, cni: "calico" as const, calicoMode: "vxlan" as const } } }))(ALL.find((x) => x.profile === id)!);
    const name = `cat-${id}`;
    const firewall = new AzureClusterFirewall(name, { layout: c.layout, resourceGroupName: "rg" });
    const asgOutput = await new Promise<Record<string, string>>((resolve) => firewall.applicationSecurityGroupIds.apply(resolve));
    await settle();
    const mine = recorder.resources.filter((r) => r.parent === name);
    const asgIds = new Set(mine.filter((r) => r.type === "azure-native:network:ApplicationSecurityGroup").map((r) => r.id));
    const rules = mine.filter((r) => r.type === "azure-native:network:SecurityRule");
    expect(rules.map((r) => r.name).sort(), name).toEqual(firewall.translation.rules.map((r) => r.name).sort());
    for (const rule of rules) {
      const refs = [rule.inputs.sourceApplicationSecurityGroups, rule.inputs.destinationApplicationSecurityGroups].flatMap((list) => (list as { id: string }[] | undefined) ?? []);
      expect(refs.length, rule.name).toBeGreaterThan(0);
      for (const ref of refs) expect(asgIds.has(ref.id), `${rule.name} -> ${ref.id}`).toBe(true);
    }
    expect(Object.values(asgOutput).sort()).toEqual([...asgIds].sort());
  });
});
