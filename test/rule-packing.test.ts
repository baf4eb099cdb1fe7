/**
 * Exact packing on GCP and Azure: the set of allowed packets (node group, other end, protocol,
 * port) is identical before and after packing, for random layouts and for the whole catalog; and
 * a one-port edit between two node groups changes what passes in at most two rules (a third
 * rule's description can list one more row, see gcpTraffic below).
 *
 * "Before" is worked out here from the plan alone, the way the unpacked translation allowed it
 * (one rule per group and other end, every flow's protocol and ports); "after" is read from the
 * rule specs the translators return. Neither side uses the packing code.
 */
import fc from "fast-check";
import type { RoleName } from "../components/model/catalogTypes";
import { describe, expect, it } from "vitest";
import { resolveAzureArgs } from "../components/azure/azureArgs";
import { translatePlan as translateAzure } from "../components/azure/azureRules";
import type { AzureRuleSpec, AzureSide } from "../components/azure/azureRuleSpec";
import { compile } from "../components/compiler/compile";
import { packBySourceSet, type WantedEntry } from "../components/firewall/packBySourceSet";
import { gcpProtocols } from "../components/gcp/gcpAllows";
import { translatePlan as translateGcp } from "../components/gcp/gcpRules";
import type { GcpRuleSpec, GcpTranslateOptions } from "../components/gcp/gcpRuleSpec";
import { KubeportsError } from "../components/model/errors";
import type { CustomRule, Layout } from "../components/model/layout";
import type { Flow, Plan } from "../components/model/plan";
import { compactPortRanges, formatPortRange, type PortRange } from "../components/model/ports";
import { hasPorts, type Protocol } from "../components/model/protocol";
import { catalogCases } from "./support/catalogLayouts";

const EVERY: PortRange = { from: 1, to: 65535 };

/** Packets as text: "group|direction|other end|protocol" -> compacted ports ("*" for a port-less protocol). */
class Packets {
  private readonly ports = new Map<string, PortRange[] | "*">();

  add(key: string, protocol: string, ports: PortRange | "*"): void {
    const at = `${key}|${protocol}`;
    const known = this.ports.get(at);
    if (ports === "*" || known === "*") this.ports.set(at, "*");
    else this.ports.set(at, [...(known ?? []), ports]);
  }

  /** Sorted lines; with `allSubsumes`, a GCP "all" entry stands for every packet of its key. */
  lines(allSubsumes: boolean): string[] {
    const all = new Set([...this.ports.keys()].filter((at) => at.endsWith("|all")).map((at) => at.slice(0, -"|all".length)));
    return [...this.ports.entries()]
      .filter(([at]) => !allSubsumes || at.endsWith("|all") || !all.has(at.slice(0, at.lastIndexOf("|"))))
      .map(([at, ports]) => `${at} ${ports === "*" ? "*" : compactPortRanges(ports).map(formatPortRange).join(",")}`)
      .sort();
  }
}

const otherEnd = (flow: Flow): string | undefined => (flow.peer.kind === "group" ? `group:${flow.peer.group}` : flow.peer.kind === "cidr" ? `cidr:${flow.peer.cidr}` : undefined);

// ---- GCP ----

const GCP: GcpTranslateOptions = { prefix: "p", priority: 1000, restrictEgress: false, nodeRanges: [], fqdnEgress: false };
const GCP_EGRESS: GcpTranslateOptions = { ...GCP, restrictEgress: true, nodeRanges: ["10.250.0.0/16"] };
const GCP_PORTED = new Set(["tcp", "udp"]);

/** What the plan asks GCP to allow: ingress from groups and CIDRs; with restricted egress, egress to CIDRs. */
function gcpWanted(plan: Plan, egress: boolean): string[] {
  const packets = new Packets();
  for (const group of plan.groups) {
    for (const [direction, flows] of [["in", group.ingress], ["out", egress ? group.egress : []]] as const) {
      for (const flow of flows) {
        const end = otherEnd(flow);
        if (!end || (direction === "out" && flow.peer.kind !== "cidr")) continue;
        const family = flow.peer.kind === "cidr" ? flow.peer.family : "groups";
        for (const protocol of gcpProtocols(flow.protocol, family, plan.options.ipv6)) {
          packets.add(`${group.name}|${direction}|${end}`, protocol, GCP_PORTED.has(protocol) ? (hasPorts(flow.protocol) && flow.ports ? flow.ports : EVERY) : "*");
        }
      }
    }
  }
  return packets.lines(true);
}

function gcpAllowed(rules: readonly GcpRuleSpec[]): string[] {
  const packets = new Packets();
  for (const rule of rules) {
    if (rule.action !== "allow" || rule.peer.kind === "fqdns") continue;
    if (rule.peer.kind === "ranges" && rule.peer.label === "nodes" && rule.direction === "EGRESS") continue; // node ranges stand for groups
    const ends = rule.peer.kind === "groups" ? rule.peer.groups.map((g) => `group:${g}`) : rule.peer.ranges.map((c) => `cidr:${c}`);
    for (const end of ends) {
      for (const allow of rule.allows) {
        const ports = allow.ports?.map((text) => { const [from, to = from] = text.split("-").map(Number); return { from: from!, to: to! }; });
        for (const range of GCP_PORTED.has(allow.protocol) ? (ports ?? [EVERY]) : ["*" as const]) {
          packets.add(`${rule.group}|${rule.direction === "INGRESS" ? "in" : "out"}|${end}`, allow.protocol, range);
        }
      }
    }
  }
  return packets.lines(true);
}

// ---- Azure ----

const AZURE_FOR: Partial<Record<Protocol, string>> = { tcp: "Tcp", udp: "Udp", icmp: "Icmp", esp: "Esp", all: "*" };

function azureWanted(plan: Plan, egress: boolean): string[] {
  const packets = new Packets();
  for (const group of plan.groups) {
    for (const [direction, flows] of [["Inbound", group.ingress], ["Outbound", egress ? group.egress : []]] as const) {
      for (const flow of flows) {
        const end = otherEnd(flow);
        const protocol = AZURE_FOR[flow.protocol];
        if (!end || !protocol) continue;
        const ported = protocol === "Tcp" || protocol === "Udp";
        packets.add(`${group.name}|${direction}|${end}`, protocol, ported ? (flow.ports ?? EVERY) : "*");
      }
    }
  }
  return packets.lines(false);
}

function members(side: AzureSide): string[] {
  if (side.kind === "groups") return side.groups.map((g) => `group:${g}`);
  if (side.kind === "prefixes") return side.prefixes.map((c) => `cidr:${c}`);
  return [];
}

function azureAllowed(rules: readonly AzureRuleSpec[]): string[] {
  const packets = new Packets();
  for (const rule of rules) {
    if (rule.access !== "Allow") continue;
    const other = rule.direction === "Inbound" ? rule.source : rule.destination;
    const ported = rule.protocol === "Tcp" || rule.protocol === "Udp";
    const ranges = rule.ports?.map((text) => { const [from, to = from] = text.split("-").map(Number); return { from: from!, to: to! }; }) ?? [EVERY];
    for (const end of members(other)) for (const range of ported ? ranges : ["*" as const]) packets.add(`${rule.groups[0]}|${rule.direction}|${end}`, rule.protocol, range);
  }
  return packets.lines(false);
}

function azureRules(layout: Layout, restrictEgress: boolean): readonly AzureRuleSpec[] | undefined {
  try {
    const resolved = resolveAzureArgs("p", { layout, resourceGroupName: "rg", restrictEgress });
    return translateAzure(resolved.plan, resolved.translate).rules;
  } catch (error) {
    // Not expressible on Azure: IP-in-IP or IP protocol 94 between nodes, or pod addresses routed unencapsulated.
    if (error instanceof KubeportsError && /IP-in-IP|IP protocol 94|routes pod addresses without encapsulation/.test(error.message)) return undefined;
    throw error;
  }
}

/**
 * The random layouts on Azure: Calico in VXLAN mode. The connectivity model adds Calico's
 * default IP-in-IP overlay to the kubernetes profile, which Azure cannot carry, so without this
 * no random layout would reach the Azure translator.
 */
const onAzure = (layout: Layout): Layout => ({ ...layout, options: { ...layout.options, calicoMode: "vxlan" } });

// ---- random layouts ----

const GROUPS = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot"];
const ROLES = ["controlPlane", "etcd", "worker"] as const;
const PORT_SPECS = ["1000", "1001", "1000-1003", "1002-1005", "1004", "2000", "1000,1004"];

const protocolsArb = fc.constantFrom<Protocol[]>(["tcp"], ["udp"], ["tcp", "udp"], ["icmp"], ["esp"], ["all"]);

function layoutArb(): fc.Arbitrary<Layout> {
  return fc
    .record({
      groupCount: fc.integer({ min: 2, max: GROUPS.length }),
      roles: fc.array(fc.subarray([...ROLES], { minLength: 1 }), { minLength: GROUPS.length, maxLength: GROUPS.length }),
      rules: fc.array(
        fc.record({
          from: fc.oneof(
            fc.record({ group: fc.integer({ min: 0, max: GROUPS.length - 1 }) }),
            fc.record({ role: fc.constantFrom(...ROLES) }),
            fc.record({ peer: fc.constantFrom("apiClients", "workloadClients") }),
          ),
          to: fc.integer({ min: 0, max: GROUPS.length - 1 }),
          protocols: protocolsArb,
          ports: fc.constantFrom(...PORT_SPECS),
        }),
        { maxLength: 12 },
      ),
    })
    .map(({ groupCount, roles, rules }): Layout => {
      const names = GROUPS.slice(0, groupCount);
      const pick = (i: number) => names[i % names.length]!;
      return {
        name: "random",
        profiles: ["kubernetes"],
        // Every role the kubernetes profile needs is present: the first group has the control plane and etcd, the second workers.
        groups: Object.fromEntries(names.map((name, i) => [name, { roles: [...new Set([...roles[i]!, ...(i === 0 ? ["controlPlane", "etcd"] : i === 1 ? ["worker"] : [])])] as RoleName[] }])),
        // Overlapping peers: one CIDR in two peers, two families in one.
        peers: { apiClients: ["192.0.2.0/24", "2001:db8::/48"], workloadClients: ["192.0.2.0/24", "198.51.100.0/24"], loadBalancer: ["203.0.113.0/24"] },
        rules: rules.map((r, i): CustomRule => ({
          id: `r${i}`,
          description: `rule ${i}`,
          protocols: r.protocols,
          ...(r.protocols.some((p) => p === "tcp" || p === "udp") ? { ports: r.ports } : {}),
          from: ["group" in r.from ? { group: pick(r.from.group) } : "role" in r.from ? { role: r.from.role } : { peer: r.from.peer }],
          to: { group: pick(r.to) },
        })),
      };
    });
}

function gcpRules(plan: Plan, options: GcpTranslateOptions): readonly GcpRuleSpec[] {
  return translateGcp(plan, options).rules;
}

describe("packBySourceSet", () => {
  it("gives every source exactly the ports it wanted, through the rules that list it", () => {
    const entry = fc.record({
      source: fc.constantFrom("a", "b", "c", "d"),
      protocol: fc.constantFrom("tcp", "udp", "icmp"),
      ports: fc.option(fc.tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 8 })).map(([from, len]) => ({ from, to: from + len })), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 20 }), (raw) => {
        const wanted: WantedEntry[] = raw.map((e) => (e.protocol === "icmp" ? { source: e.source, protocol: e.protocol } : e.ports ? { source: e.source, protocol: e.protocol, ports: e.ports } : { source: e.source, protocol: e.protocol }));
        const before = new Packets();
        for (const e of wanted) before.add(e.source, e.protocol, e.protocol === "icmp" ? "*" : (e.ports ?? EVERY));
        const after = new Packets();
        const rules = packBySourceSet(wanted);
        for (const rule of rules) {
          expect(rule.entries.length).toBeGreaterThan(0);
          for (const source of rule.sources) for (const e of rule.entries) for (const range of e.protocol === "icmp" ? ["*" as const] : (e.ports ?? [EVERY])) after.add(source, e.protocol, range);
        }
        expect(after.lines(false)).toEqual(before.lines(false));
        // One rule per source set: no two rules list the same sources.
        expect(new Set(rules.map((r) => r.sources.join(","))).size).toBe(rules.length);
      }),
      { numRuns: 300 },
    );
  });
});

describe("packed GCP and Azure rules allow exactly the plan", () => {
  it("on random layouts (GCP, default and restricted egress)", () => {
    fc.assert(
      fc.property(layoutArb(), (layout) => {
        const plan = compile(layout);
        expect(gcpAllowed(gcpRules(plan, GCP))).toEqual(gcpWanted(plan, false));
        expect(gcpAllowed(gcpRules(plan, GCP_EGRESS))).toEqual(gcpWanted(plan, true));
      }),
      { numRuns: 60 },
    );
  });

  it("on random layouts (Azure, default and restricted egress)", () => {
    fc.assert(
      fc.property(layoutArb(), (layout) => {
        const plan = compile(onAzure(layout));
        for (const egress of [false, true]) {
          const rules = azureRules(onAzure(layout), egress)!;
          expect(azureAllowed(rules)).toEqual(azureWanted(plan, egress));
        }
      }),
      { numRuns: 60 },
    );
  });

  it("on every catalog layout, single and dual stack, on both clouds", () => {
    let azureChecked = 0;
    for (const { label, layout } of catalogCases([{}, { dualStack: true, groups: "split" }])) {
      const plan = compile(layout);
      expect(gcpAllowed(gcpRules(plan, GCP)), label).toEqual(gcpWanted(plan, false));
      const rules = azureRules(layout, false);
      if (!rules) continue;
      azureChecked++;
      expect(azureAllowed(rules), label).toEqual(azureWanted(plan, false));
    }
    expect(azureChecked).toBeGreaterThan(50);
  });
});

/** Rules created, deleted or changed (in what `strip` keeps) between two translations. */
function touched<T extends { name: string }>(before: readonly T[], after: readonly T[], strip: (rule: T) => unknown): string[] {
  const text = (rule: T) => JSON.stringify(strip(rule));
  const old = new Map(before.map((rule) => [rule.name, text(rule)]));
  const now = new Map(after.map((rule) => [rule.name, text(rule)]));
  return [...new Set([...old.keys(), ...now.keys()])].filter((name) => old.get(name) !== now.get(name)).sort();
}

/*
 * What a rule lets through: everything but its description (and the plan-flow keys, which are
 * spec metadata). The description lists the rows behind the rule's flows; when the new port
 * touches a range another row opened, the plan merges both into one flow, so a third rule that
 * carries part of that flow can list one more row. Its traffic does not change.
 */
const gcpTraffic = ({ description: _d, flows: _f, ...rest }: GcpRuleSpec) => rest;
/** Azure also leaves out the priority: a new rule can take an occupied hashed slot (azurePriorities). */
const azureTraffic = ({ description: _d, flows: _f, reasons: _r, priority: _p, ...rest }: AzureRuleSpec) => rest;

describe("a one-port edit between two node groups changes what passes in at most two rules", () => {
  const edit = fc.record({
    layout: layoutArb(),
    from: fc.integer({ min: 0, max: GROUPS.length - 1 }),
    to: fc.integer({ min: 0, max: GROUPS.length - 1 }),
    protocol: fc.constantFrom<Protocol>("tcp", "udp"),
    port: fc.integer({ min: 999, max: 1006 }),
  });
  const withEdit = (e: { layout: Layout; from: number; to: number; protocol: Protocol; port: number }): Layout => {
    const names = Object.keys(e.layout.groups);
    const extra: CustomRule = { id: "one-port", description: "one port", protocols: [e.protocol], ports: String(e.port), from: [{ group: names[e.from % names.length]! }], to: { group: names[e.to % names.length]! } };
    return { ...e.layout, rules: [...(e.layout.rules ?? []), extra] };
  };

  it("on GCP: what passes changes in at most two rules, named after target and sources", () => {
    fc.assert(
      fc.property(edit, (e) => {
        const before = gcpRules(compile(e.layout), GCP);
        const after = gcpRules(compile(withEdit(e)), GCP);
        expect(touched(before, after, gcpTraffic).length).toBeLessThanOrEqual(2);
      }),
      { numRuns: 80 },
    );
  });

  it("on Azure: what passes changes in at most two rules", () => {
    fc.assert(
      fc.property(edit, (e) => {
        const before = azureRules(onAzure(e.layout), false)!;
        const after = azureRules(onAzure(withEdit(e)), false)!;
        expect(touched(before, after, azureTraffic).length).toBeLessThanOrEqual(2);
      }),
      { numRuns: 80 },
    );
  });
});
