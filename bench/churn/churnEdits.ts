/**
 * The four edits the churn benchmark makes to a stack's cluster file, each chosen from the
 * stack's own layout and plan so the same code serves every stack:
 * - add-port: a TCP layout rule between two groups, on the first port from 20000 up that no
 *   TCP flow of the plan touches or borders (so nothing can merge with it);
 * - remove-port: the first option flip (options the profiles read, in name order) that drops
 *   exactly one rule-making row and adds none; failing that, the last port of a load balancer
 *   that has several;
 * - narrow-cidr: the first peer (by name) with an IPv4 /24 the plan uses and the stack config
 *   does not override, narrowed to the /25 at the same address; failing that, a load balancer's
 *   client /24;
 * - switch-cni: Calico IP-in-IP <-> VXLAN (BGP -> VXLAN), Flannel <-> Canal, Cilium VXLAN <->
 *   Geneve.
 * Every edited layout must compile and translate for the stack's cloud, or the edit is skipped
 * with the reason.
 */
import { compile } from "../../components/compiler/compile";
import type { CustomRule, Layout } from "../../components/model/layout";
import { OPTION_INFO, type LayoutOptions } from "../../components/model/options";
import type { Plan } from "../../components/model/plan";
import { findProfile } from "../../components/profiles/catalog";
import { clusterFileSchema } from "../../components/stackFiles/clusterFile";
import { layoutOf, type StackSource } from "../layouts/stackLayouts";
import { rawFlows } from "../rules/rawFlows";
import type { Mode } from "../rules/ruleBounds";
import { translatedRules } from "../rules/translatorCounts";

export type EditId = "add-port" | "remove-port" | "narrow-cidr" | "switch-cni";
export const EDIT_IDS: readonly EditId[] = ["add-port", "remove-port", "narrow-cidr", "switch-cni"];

export type Edit =
  | { readonly id: EditId; readonly description: string; readonly clusterFile: RawClusterFile }
  | { readonly id: EditId; readonly skipped: string };

/** The cluster file as YAML gives it: edited as plain data, written back as YAML. */
export interface RawClusterFile {
  layout: { options?: Record<string, unknown>; peers?: Record<string, string[]>; rules?: unknown[]; groups: Record<string, unknown>; [key: string]: unknown };
  loadBalancers?: Record<string, { ports: number[]; clients: string[]; [key: string]: unknown }>;
  [key: string]: unknown;
}

export function stackMode(source: StackSource): Mode {
  const { config } = source;
  return { restrictEgress: config.cloud === "gcp" ? config.fqdnEgress : config.restrictEgress };
}

function effectiveLayout(source: StackSource, raw: RawClusterFile): Layout {
  return layoutOf({ ...source, cluster: clusterFileSchema.parse(raw) });
}

/** Why the edited stack could not be built, or undefined when it can. */
function unbuildable(source: StackSource, raw: RawClusterFile): string | undefined {
  try {
    const layout = effectiveLayout(source, raw);
    const translated = translatedRules(layout.name, layout, source.config.cloud, stackMode(source));
    return "notExpressible" in translated ? `${source.config.cloud} cannot express it: ${translated.notExpressible}` : undefined;
  } catch (error) {
    return (error as Error).message.split("\n").slice(0, 2).join(" ");
  }
}

function edited(source: StackSource, base: RawClusterFile, id: EditId, description: string, change: (copy: RawClusterFile) => void): Edit {
  const copy = structuredClone(base);
  change(copy);
  const problem = unbuildable(source, copy);
  return problem ? { id, skipped: `${description}: ${problem}` } : { id, description, clusterFile: copy };
}

function addPort(source: StackSource, raw: RawClusterFile, plan: Plan): Edit {
  const [target, from] = plan.groups.map((group) => group.name);
  if (!target || !from) return { id: "add-port", skipped: "the layout has fewer than two node groups" };
  const open = plan.groups[0]!.ingress.some((f) => f.peer.kind === "group" && f.peer.group === from && (f.protocol === "all" || (f.protocol === "tcp" && !f.ports)));
  if (open) return { id: "add-port", skipped: `group ${target} already accepts every TCP port from ${from}` };
  const ranges = plan.groups.flatMap((group) => [...group.ingress, ...group.egress]).flatMap((flow) => (flow.protocol === "tcp" && flow.ports ? [flow.ports] : []));
  let port = 20000;
  while (ranges.some((range) => range.from <= port + 1 && range.to >= port - 1)) port++;
  const rule: CustomRule = { id: "bench-added-port", description: "Port added by the churn benchmark", protocols: ["tcp"], ports: String(port), from: [{ group: from }], to: { group: target } };
  return edited(source, raw, "add-port", `layout rule: TCP ${port} from group ${from} to group ${target}`, (copy) => {
    copy.layout.rules = [...(copy.layout.rules ?? []), rule];
  });
}

/** Rows that make rules in the stack's mode: inbound rows, and outbound ones when egress is restricted. */
function ruleRows(layout: Layout, mode: Mode): { making: Set<string>; all: Set<string> } {
  const flows = rawFlows(layout).filter((flow) => flow.peer.kind !== "host");
  const key = (flow: (typeof flows)[number]) => `${flow.reason.profile}/${flow.reason.row}`;
  return {
    making: new Set(flows.filter((flow) => flow.direction === "ingress" || mode.restrictEgress).map(key)),
    all: new Set(flows.map(key)),
  };
}

function removePort(source: StackSource, raw: RawClusterFile, plan: Plan): Edit {
  const mode = stackMode(source);
  const base = ruleRows(effectiveLayout(source, raw), mode);
  const options = [...new Set(plan.profiles.flatMap((p) => findProfile(p.id)?.options ?? []))].sort();
  for (const option of options) {
    for (const value of OPTION_INFO[option].values ?? [true, false]) {
      if (plan.options[option] === value) continue;
      const copy = structuredClone(raw);
      copy.layout.options = { ...copy.layout.options, [option]: value };
      if (unbuildable(source, copy)) continue;
      const now = ruleRows(effectiveLayout(source, copy), mode);
      const dropped = [...base.making].filter((row) => !now.making.has(row));
      const added = [...now.all].filter((row) => !base.all.has(row));
      if (dropped.length !== 1 || added.length > 0) continue;
      const silent = [...base.all].filter((row) => !now.all.has(row) && !base.making.has(row));
      const also = silent.length > 0 ? `; it also drops outbound row ${silent.join(", ")}, which makes no rule while egress is allowed` : "";
      return { id: "remove-port", description: `options.${option}: ${String(plan.options[option])} -> ${String(value)} drops row ${dropped[0]}${also}`, clusterFile: copy };
    }
  }
  const lb = Object.keys(raw.loadBalancers ?? {}).sort().find((name) => raw.loadBalancers![name]!.ports.length > 1);
  if (!lb) return { id: "remove-port", skipped: "no option flip drops exactly one rule-making row, and no load balancer has several ports" };
  const port = raw.loadBalancers![lb]!.ports.at(-1)!;
  return edited(source, raw, "remove-port", `no option flip drops exactly one rule-making row; removed port ${port} from load balancer ${lb} (one port of layout rule lb-${lb}; its listener goes too)`, (copy) => {
    copy.loadBalancers![lb]!.ports = copy.loadBalancers![lb]!.ports.slice(0, -1);
  });
}

function narrowCidr(source: StackSource, raw: RawClusterFile, plan: Plan): Edit {
  const effective = layoutOf(source).peers ?? {};
  const used = new Set(
    plan.groups.flatMap((g) => [...g.ingress, ...g.egress]).flatMap(({ peer }) => (peer.kind === "cidr" ? peer.peers.map((name) => `${name}|${peer.cidr}`) : [])),
  );
  for (const name of Object.keys(raw.layout.peers ?? {}).sort()) {
    const cidrs = raw.layout.peers![name]!;
    if (JSON.stringify(effective[name]) !== JSON.stringify(cidrs)) continue; // the stack config replaces this peer
    const cidr = cidrs.find((text) => /^\d+\.\d+\.\d+\.\d+\/24$/.test(text) && used.has(`${name}|${text}`));
    if (!cidr) continue;
    const narrow = cidr.replace(/\/24$/, "/25");
    return edited(source, raw, "narrow-cidr", `layout.peers.${name}: ${cidr} -> ${narrow}`, (copy) => {
      copy.layout.peers![name] = cidrs.map((text) => (text === cidr ? narrow : text));
    });
  }
  // Load-balancer clients are the CIDRs of a layout rule: the next best peer.
  for (const lb of Object.keys(raw.loadBalancers ?? {}).sort()) {
    const clients = raw.loadBalancers![lb]!.clients;
    const cidr = clients.find((text) => /^\d+\.\d+\.\d+\.\d+\/24$/.test(text));
    if (!cidr) continue;
    const narrow = cidr.replace(/\/24$/, "/25");
    return edited(source, raw, "narrow-cidr", `no peer has an IPv4 /24 the plan uses; loadBalancers.${lb}.clients: ${cidr} -> ${narrow}`, (copy) => {
      copy.loadBalancers![lb]!.clients = clients.map((text) => (text === cidr ? narrow : text));
    });
  }
  return { id: "narrow-cidr", skipped: "no peer or load-balancer client of the cluster file has an IPv4 /24 that the plan uses" };
}

const SWITCHES: readonly { when: Partial<LayoutOptions>; to: Partial<LayoutOptions> }[] = [
  { when: { cni: "calico", calicoMode: "ipip" }, to: { calicoMode: "vxlan" } },
  { when: { cni: "calico", calicoMode: "vxlan" }, to: { calicoMode: "ipip" } },
  { when: { cni: "calico", calicoMode: "bgp" }, to: { calicoMode: "vxlan" } },
  { when: { cni: "flannel" }, to: { cni: "canal" } },
  { when: { cni: "canal" }, to: { cni: "flannel" } },
  { when: { cni: "cilium", ciliumTunnel: "vxlan" }, to: { ciliumTunnel: "geneve" } },
  { when: { cni: "cilium", ciliumTunnel: "geneve" }, to: { ciliumTunnel: "vxlan" } },
];

function switchCni(source: StackSource, raw: RawClusterFile, plan: Plan): Edit {
  const options = plan.options as unknown as Record<string, unknown>;
  const change = SWITCHES.find((s) => Object.entries(s.when).every(([key, value]) => options[key] === value));
  if (!change) return { id: "switch-cni", skipped: `no CNI mode switch is defined for cni ${plan.options.cni}` };
  const text = Object.entries(change.to).map(([key, value]) => `options.${key}: ${String(options[key])} -> ${String(value)}`).join(", ");
  return edited(source, raw, "switch-cni", text, (copy) => {
    copy.layout.options = { ...copy.layout.options, ...change.to };
  });
}

export function churnEdits(source: StackSource, raw: RawClusterFile): Edit[] {
  const plan = compile(layoutOf(source));
  return [addPort(source, raw, plan), removePort(source, raw, plan), narrowCidr(source, raw, plan), switchCni(source, raw, plan)];
}

