/**
 * Plan -> Azure rule specs, without Pulumi. The expected ports are worked out from the Super
 * Kubenetes port table (seed 000) for masters = controlPlane + etcd and workers = worker, Calico
 * VXLAN (so the BGP and IP-in-IP rows do not apply), plus what the connectivity model supplements
 * and the table leaves out: Felix to Typha (TCP 5473, KubeKey's installer default) and the Calico
 * VXLAN overlay (UDP 4789) between all nodes, and the kubelet (TCP 10250) from the masters to the workers.
 */
import { describe, expect, it } from "vitest";
import { resolveAzureArgs, type AzureClusterFirewallArgs } from "../components/azure/azureArgs";
import { translatePlan } from "../components/azure/azureRules";
import type { AzureRuleSpec, AzureTranslation } from "../components/azure/azureRuleSpec";
import type { CustomRule, Layout } from "../components/model/layout";
import { thrown } from "./support/thrown";

const AZURE_NAME = /^\w(?:[\w.-]{0,78}\w)?$/;

const LAYOUT: Layout = {
  name: "sk",
  profiles: ["super-kubenetes"],
  options: { calicoMode: "vxlan" },
  groups: { masters: { roles: ["controlPlane", "etcd"] }, workers: { roles: ["worker"] } },
  peers: {
    admin: ["203.0.113.0/24", "2001:db8::/48"],
    apiClients: ["203.0.113.0/24", "198.51.100.0/24", "192.0.2.0/24"],
    workloadClients: ["10.20.0.0/16"],
  },
};

function design(args: Partial<AzureClusterFirewallArgs> = {}, name = "sk"): AzureTranslation {
  const resolved = resolveAzureArgs(name, { resourceGroupName: "rg", layout: LAYOUT, ...args } as AzureClusterFirewallArgs);
  return translatePlan(resolved.plan, resolved.translate);
}

function withRules(rules: CustomRule[], base: Layout = LAYOUT): Layout {
  return { ...base, rules };
}

function rule(translation: AzureTranslation, name: string): AzureRuleSpec {
  const found = translation.rules.find((r) => r.name === name);
  if (!found) throw new Error(`no rule ${name}; have ${translation.rules.map((r) => r.name).join(", ")}`);
  return found;
}

// TCP 5473 (Typha) and UDP 4789 (Calico VXLAN) are connectivity-model supplements between all nodes.
const NODE_TCP = ["22", "53", "5473", "8443", "9099-9100", "30000-32767"];
const MASTER_TCP_FROM_WORKERS = ["22", "53", "5473", "6443", "8443", "9099-9100", "10250-10258", "30000-32767"];
const NODE_UDP = ["53", "4789"];

describe("Azure rules for Super Kubenetes (VXLAN)", () => {
  const t = design({ reservedPriorities: { from: 100, to: 1999 } });

  it("packs node groups the same standing rows ask for into one rule, every port in destinationPortRanges; CIDRs get a rule each", () => {
    const masters = { kind: "groups", groups: ["masters"] };
    const both = { kind: "groups", groups: ["masters", "workers"] };
    const workers = { kind: "groups", groups: ["workers"] };
    const v4 = (cidr: string, ...peers: string[]) => ({ kind: "prefixes", family: "ipv4", prefixes: [cidr], peers });
    const expected: Record<string, { source: unknown; destination: unknown; protocol: string; ports?: string[] }> = {
      // Only masters reach etcd (one more standing row), so masters and workers are two classes on the masters.
      "sk-masters-in-nodes-tcp-apiserver-and-7-f8e94": { source: masters, destination: masters, protocol: "Tcp", ports: ["22", "53", "2379-2380", "5473", "6443", "8443", "9099-9100", "10250-10258", "30000-32767"] },
      "sk-masters-in-nodes-tcp-apiserver-and-6-2e04d": { source: workers, destination: masters, protocol: "Tcp", ports: MASTER_TCP_FROM_WORKERS },
      // On the workers both groups are one class; the kubelet supplement (only the masters reach
      // the workers' kubelet) is what the masters want beyond it, in a rule of their own.
      "sk-workers-in-nodes-tcp-calico-and-4-ba287": { source: both, destination: workers, protocol: "Tcp", ports: NODE_TCP },
      "sk-workers-in-from-masters-tcp": { source: masters, destination: workers, protocol: "Tcp", ports: ["10250"] },
      "sk-masters-in-nodes-udp-dns-udp": { source: both, destination: masters, protocol: "Udp", ports: NODE_UDP },
      "sk-workers-in-nodes-udp-dns-udp": { source: both, destination: workers, protocol: "Udp", ports: NODE_UDP },
      // 203.0.113.0/24 is both admin and apiClients: SSH and the API in one rule, named after the CIDR.
      "sk-masters-in-from-203-0-113-0-24-tcp": { source: v4("203.0.113.0/24", "admin", "apiClients"), destination: masters, protocol: "Tcp", ports: ["22", "6443"] },
      "sk-workers-in-from-203-0-113-0-24-tcp": { source: v4("203.0.113.0/24", "admin"), destination: workers, protocol: "Tcp", ports: ["22"] },
      "sk-masters-in-from-198-51-100-0-24-tcp": { source: v4("198.51.100.0/24", "apiClients"), destination: masters, protocol: "Tcp", ports: ["6443"] },
      "sk-masters-in-from-192-0-2-0-24-tcp": { source: v4("192.0.2.0/24", "apiClients"), destination: masters, protocol: "Tcp", ports: ["6443"] },
      // IPv6 never shares a rule with IPv4 (Azure refuses mixed families).
      "sk-masters-in-from-2001-db8-48-tcp": { source: { kind: "prefixes", family: "ipv6", prefixes: ["2001:db8::/48"], peers: ["admin"] }, destination: masters, protocol: "Tcp", ports: ["22"] },
      "sk-workers-in-from-2001-db8-48-tcp": { source: { kind: "prefixes", family: "ipv6", prefixes: ["2001:db8::/48"], peers: ["admin"] }, destination: workers, protocol: "Tcp", ports: ["22"] },
      "sk-masters-in-from-10-20-0-0-16-tcp": { source: v4("10.20.0.0/16", "workloadClients"), destination: masters, protocol: "Tcp", ports: ["30000-32767"] },
      "sk-workers-in-from-10-20-0-0-16-tcp": { source: v4("10.20.0.0/16", "workloadClients"), destination: workers, protocol: "Tcp", ports: ["30000-32767"] },
    };
    const allows = t.rules.filter((r) => r.access === "Allow");
    expect(allows.map((r) => r.name).sort()).toEqual(Object.keys(expected).sort());
    for (const [name, want] of Object.entries(expected)) {
      const got = rule(t, name);
      expect({ source: got.source, destination: got.destination, protocol: got.protocol, ports: got.ports }, name).toEqual(want);
      expect(got.direction).toBe("Inbound");
    }
  });

  it("keeps priorities unique, in 100-4086 and outside the reserved band; the deny sits at 4096", () => {
    const allows = t.rules.filter((r) => r.access === "Allow");
    expect(new Set(allows.map((r) => r.priority)).size).toBe(allows.length);
    for (const r of allows) {
      expect(r.priority).toBeGreaterThanOrEqual(2000);
      expect(r.priority).toBeLessThanOrEqual(4086);
    }
    const deny = rule(t, "sk-in-deny-vnet-4096");
    expect(deny).toMatchObject({ access: "Deny", priority: 4096, protocol: "*", source: { kind: "tag", tag: "VirtualNetwork" }, destination: { kind: "groups", groups: ["masters", "workers"] } });
    expect(deny.ports).toBeUndefined();
  });

  it("names and describes every rule within Azure's limits, citing the documented rows", () => {
    for (const r of t.rules) {
      expect(r.name).toMatch(AZURE_NAME);
      expect(r.description.length).toBeLessThanOrEqual(140);
    }
    expect(rule(t, "sk-masters-in-from-198-51-100-0-24-tcp").description).toBe("kubeports sk rows: super-kubenetes/apiserver");
    const long = rule(t, "sk-masters-in-nodes-tcp-apiserver-and-6-2e04d").description;
    // Rows sorted by profile: the connectivity model's supplement is cited beside the vendor's rows.
    expect(long).toMatch(/^kubeports sk rows: connectivity-model\/calico-typha, super-kubenetes\/apiserver, .*\+\d+ more$/);
  });

  it("creates no outbound rules by default and says why", () => {
    expect(t.rules.filter((r) => r.direction === "Outbound")).toEqual([]);
    expect(t.notes.join("\n")).toMatch(/AllowVnetOutBound and AllowInternetOutBound/);
  });
});

describe("stable names and priorities", () => {
  const admin8080: CustomRule = { id: "admin-8080", description: "admin UI", protocols: ["tcp"], ports: "8080", from: [{ peer: "admin" }], to: { role: "controlPlane" } };
  const before = design();

  it("adding one port to an existing rule changes that rule's ports and description only", () => {
    const after = design({ layout: withRules([admin8080]) });
    expect(after.rules.map((r) => [r.name, r.priority])).toEqual(before.rules.map((r) => [r.name, r.priority]));
    const changed = after.rules.filter((r, i) => JSON.stringify(r) !== JSON.stringify(before.rules[i]));
    expect(changed.map((r) => r.name).sort()).toEqual(["sk-masters-in-from-2001-db8-48-tcp", "sk-masters-in-from-203-0-113-0-24-tcp"]);
    // admin has an IPv4 and an IPv6 CIDR, so the one port lands in the rule of each.
    expect(rule(after, "sk-masters-in-from-2001-db8-48-tcp").ports).toEqual(["22", "8080"]);
    expect(rule(after, "sk-masters-in-from-203-0-113-0-24-tcp").ports).toEqual(["22", "6443", "8080"]);
  });

  it("adding one port for a single-CIDR peer changes exactly one rule", () => {
    const clients: CustomRule = { id: "web", description: "web", protocols: ["tcp"], ports: "443", from: [{ peer: "workloadClients" }], to: { role: "worker" } };
    const after = design({ layout: withRules([clients]) });
    const changed = after.rules.filter((r) => JSON.stringify(r) !== JSON.stringify(before.rules.find((b) => b.name === r.name)));
    expect(changed.map((r) => r.name)).toEqual(["sk-workers-in-from-10-20-0-0-16-tcp"]);
    expect(changed[0]!.ports).toEqual(["443", "30000-32767"]);
  });

  it("adding whole new rules renumbers and renames nothing that existed", () => {
    const extra: CustomRule[] = [
      { id: "syslog", description: "syslog", protocols: ["udp"], ports: "514", from: [{ peer: "admin" }], to: { role: "worker" } },
      { id: "ipsec", description: "site VPN", protocols: ["esp"], from: [{ role: "worker" }], to: { role: "controlPlane" } },
    ];
    const after = design({ layout: withRules(extra) });
    for (const old of before.rules) {
      const same = after.rules.find((r) => r.name === old.name);
      expect(same?.priority, old.name).toBe(old.priority);
    }
    const added = after.rules.filter((r) => !before.rules.some((b) => b.name === r.name)).map((r) => [r.name, r.protocol, r.ports]);
    expect(added).toEqual(
      expect.arrayContaining([
        ["sk-masters-in-from-workers-esp", "Esp", undefined],
        ["sk-workers-in-from-203-0-113-0-24-udp", "Udp", ["514"]],
        ["sk-workers-in-from-2001-db8-48-udp", "Udp", ["514"]],
      ]),
    );
    expect(added).toHaveLength(3);
  });

  it("adding a peer CIDR only creates rules, or updates the rules of a CIDR another peer already has", () => {
    const peers = (extra: string) => ({ layout: { ...LAYOUT, peers: { ...LAYOUT.peers, apiClients: [...LAYOUT.peers!.apiClients!, extra] } } });
    const fresh = design(peers("100.64.0.0/24"));
    for (const old of before.rules) expect(fresh.rules.find((r) => r.name === old.name), old.name).toEqual(old);
    expect(fresh.rules.filter((r) => !before.rules.some((b) => b.name === r.name)).map((r) => [r.name, r.ports])).toEqual([["sk-masters-in-from-100-64-0-0-24-tcp", ["6443"]]]);
    const shared = design(peers("2001:db8::/48"));
    expect(shared.rules.map((r) => [r.name, r.priority])).toEqual(before.rules.map((r) => [r.name, r.priority]));
    expect(rule(shared, "sk-masters-in-from-2001-db8-48-tcp").ports).toEqual(["22", "6443"]);
  });

  it("does not depend on the order groups or peers are written in", () => {
    const reversed: Layout = {
      ...LAYOUT,
      groups: { workers: LAYOUT.groups.workers!, masters: LAYOUT.groups.masters! },
      peers: Object.fromEntries(Object.entries(LAYOUT.peers!).reverse().map(([k, v]) => [k, [...v].reverse()])),
    };
    expect(design({ layout: reversed })).toEqual(before);
  });
});

describe("protocols Azure cannot name", () => {
  const ipipLayout: Layout = { ...LAYOUT, options: {} };

  it("refuses IP-in-IP, naming each row and both fixes, before anything else", () => {
    const error = thrown(() => design({ layout: ipipLayout }));
    expect(error.issues.map((i) => i.path)).toEqual(["layout.options.calicoMode", "layout.options.calicoMode"]);
    const text = error.message;
    expect(text).toMatch(/super-kubenetes row "ipip" \(ipip \(IPENCAP\)\) needs IP-in-IP \(IP protocol 4\)/);
    expect(text).toMatch(/super-kubenetes row "ipip-94" .* needs IP protocol 94/);
    expect(text).toMatch(/options\.calicoMode: vxlan/);
    expect(text).toMatch(/allowIpInIpAsAnyProtocol: true/);
  });

  it("points a layout rule's IP-in-IP at the rule", () => {
    const tunnel: CustomRule = { id: "tunnel", description: "GRE-less tunnel", protocols: ["ipip"], from: [{ role: "worker" }], to: { role: "worker" } };
    const error = thrown(() => design({ layout: withRules([tunnel]) }));
    expect(error.issues).toEqual([expect.objectContaining({ path: 'layout.rules["tunnel"]', message: expect.stringContaining('layout rule "tunnel"') })]);
  });

  it("with allowIpInIpAsAnyProtocol, writes IP-in-IP as a *-protocol rule and says so", () => {
    const t = design({ layout: ipipLayout, allowIpInIpAsAnyProtocol: true });
    const any = rule(t, "sk-workers-in-nodes-any-ipip-and-1-4dcad");
    expect(any).toMatchObject({ protocol: "*", source: { kind: "groups", groups: ["masters", "workers"] }, destination: { kind: "groups", groups: ["workers"] } });
    expect(any.ports).toBeUndefined();
    expect(any.reasons).toEqual(["super-kubenetes/ipip", "super-kubenetes/ipip-94"]);
    expect(t.notes.join("\n")).toMatch(/sk-workers-in-nodes-any-ipip-and-1-4dcad allows every protocol because allowIpInIpAsAnyProtocol is set/);
    // BGP applies in IP-in-IP mode.
    expect(rule(t, "sk-workers-in-nodes-tcp-bgp-and-5-b02e6").ports).toContain("179");
  });

  it("writes ESP as Esp and ICMP as Icmp, noting that ICMP types cannot be matched", () => {
    const rules: CustomRule[] = [
      { id: "ping", description: "ping", protocols: ["icmp"], icmp: { type: 8 }, from: [{ peer: "admin" }], to: { role: "worker" } },
      { id: "vpn", description: "vpn", protocols: ["esp"], from: [{ role: "worker" }], to: { role: "worker" } },
      { id: "all", description: "anything", protocols: ["all"], from: [{ role: "controlPlane" }], to: { role: "worker" } },
    ];
    const t = design({ layout: withRules(rules) });
    expect(rule(t, "sk-workers-in-from-2001-db8-48-icmp")).toMatchObject({ protocol: "Icmp" });
    expect(rule(t, "sk-workers-in-from-workers-esp")).toMatchObject({ protocol: "Esp" });
    expect(rule(t, "sk-workers-in-from-masters-any")).toMatchObject({ protocol: "*" });
    expect(t.notes).toContain("sk-workers-in-from-203-0-113-0-24-icmp allows all ICMP: NSG rules cannot match ICMP types, and the plan asks only for type 8.");
    for (const r of t.rules) expect(["Tcp", "Udp", "Icmp", "Esp", "*"]).toContain(r.protocol);
  });
});

describe("service tags and world CIDRs", () => {
  const world: Layout = { ...LAYOUT, peers: { ...LAYOUT.peers, workloadClients: ["0.0.0.0/0", "::/0"] } };

  it("keeps 0.0.0.0/0 and ::/0 as written (Internet is narrower), one rule per family", () => {
    const t = design({ layout: world });
    expect(rule(t, "sk-workers-in-from-world-v4-tcp").source).toEqual({ kind: "prefixes", family: "ipv4", prefixes: ["0.0.0.0/0"], peers: ["workloadClients"] });
    expect(rule(t, "sk-workers-in-from-world-v6-tcp").source).toEqual({ kind: "prefixes", family: "ipv6", prefixes: ["::/0"], peers: ["workloadClients"] });
  });

  it("writes a mapped peer as its service tag, both families in one rule", () => {
    const t = design({ layout: world, serviceTags: { workloadClients: "Internet" } });
    const tagged = rule(t, "sk-workers-in-from-tag-internet-tcp");
    expect(tagged.source).toEqual({ kind: "tag", tag: "Internet", peers: ["workloadClients"] });
    expect(tagged.ports).toEqual(["30000-32767"]);
    expect(t.rules.some((r) => r.name.includes("workloadclients"))).toBe(false);
  });

  it("refuses a tag on a CIDR another, untagged peer also uses", () => {
    const error = thrown(() => design({ serviceTags: { admin: "AzureLoadBalancer" } }));
    expect(error.issues[0]).toMatchObject({ path: "args.serviceTags.admin" });
    expect(error.issues[0]!.message).toMatch(/CIDR 203\.0\.113\.0\/24 belongs to peers admin \(tag AzureLoadBalancer\), apiClients \(no tag\)/);
  });

  it("refuses a tag for a peer the plan does not know", () => {
    const error = thrown(() => design({ serviceTags: { loadBalancer: "AzureLoadBalancer" } }));
    expect(error.issues[0]).toMatchObject({ path: "args.serviceTags.loadBalancer" });
    expect(error.issues[0]!.message).toMatch(/unknown peer "loadBalancer".*known: admin, apiClients, workloadClients/);
  });
});

describe("egress and the virtual network", () => {
  const pull: CustomRule = { id: "pull", description: "images", protocols: ["tcp"], ports: "443", from: [{ nodes: true }], to: { hosts: ["registry-1.docker.io"] } };
  const dns: CustomRule = { id: "dns", description: "resolver", protocols: ["udp"], ports: "53", from: [{ nodes: true }], to: { peer: "resolvers" } };
  const layout: Layout = { ...withRules([pull, dns]), peers: { ...LAYOUT.peers, resolvers: ["10.0.0.4/32"] } };

  it("reports host-name egress as allowed by Azure's defaults when egress is not restricted", () => {
    const t = design({ layout });
    expect(t.rules.some((r) => r.direction === "Outbound")).toBe(false);
    expect(t.hosts).toEqual([
      { group: "masters", host: "registry-1.docker.io", protocol: "tcp", ports: "443", blocked: false, reasons: ["layout/pull"] },
      { group: "workers", host: "registry-1.docker.io", protocol: "tcp", ports: "443", blocked: false, reasons: ["layout/pull"] },
    ]);
  });

  it("with restrictEgress, allows the plan's outbound flows and denies the rest (hosts blocked)", () => {
    const t = design({ layout, restrictEgress: true });
    const out = t.rules.filter((r) => r.direction === "Outbound");
    expect(rule(t, "sk-workers-out-to-10-0-0-4-32-udp")).toMatchObject({ source: { kind: "groups", groups: ["workers"] }, destination: { kind: "prefixes", prefixes: ["10.0.0.4/32"] }, ports: ["53"] });
    // Workers send the node ports to masters and workers alike, the API and control plane only to
    // masters; outbound, the classes are the destinations the same standing rows ask for.
    expect(rule(t, "sk-workers-out-nodes-tcp-calico-and-4-ba287")).toMatchObject({ destination: { kind: "groups", groups: ["workers"] }, ports: NODE_TCP });
    expect(rule(t, "sk-workers-out-nodes-tcp-apiserver-and-6-2e04d")).toMatchObject({ destination: { kind: "groups", groups: ["masters"] }, ports: MASTER_TCP_FROM_WORKERS });
    expect(rule(t, "sk-workers-out-nodes-udp-dns-udp")).toMatchObject({ destination: { kind: "groups", groups: ["masters", "workers"] }, ports: NODE_UDP });
    expect(rule(t, "sk-out-deny-all-4096")).toMatchObject({ access: "Deny", source: { kind: "groups", groups: ["masters", "workers"] }, destination: { kind: "any" }, priority: 4096 });
    expect(new Set(out.map((r) => r.priority)).size).toBe(out.length);
    expect(t.hosts.every((h) => h.blocked)).toBe(true);
  });

  it("leaves AllowVnetInBound alone only when asked, and says what that means", () => {
    const t = design({ allowVirtualNetworkInbound: true });
    expect(t.rules.some((r) => r.access === "Deny")).toBe(false);
    expect(t.notes.join("\n")).toMatch(/admits every address of the virtual network/);
  });

  it("splits the deny over rules of at most 10 ASGs, at 4096 downwards", () => {
    const groups = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`g${String(i).padStart(2, "0")}`, { roles: ["worker"] }]));
    const t = design({ layout: { ...LAYOUT, groups: { ...groups, masters: { roles: ["controlPlane", "etcd"] } } } });
    const denies = t.rules.filter((r) => r.access === "Deny");
    expect(denies.map((r) => [r.name, r.priority, r.destination.kind === "groups" ? r.destination.groups.length : 0])).toEqual([
      ["sk-in-deny-vnet-4095", 4095, 3],
      ["sk-in-deny-vnet-4096", 4096, 10],
    ]);
  });

  it("splits a class of more than 10 node groups over rules of at most 10 ASGs, each chunk named by its place", () => {
    const groups = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`g${String(i).padStart(2, "0")}`, { roles: ["worker"] }]));
    const t = design({ layout: { ...LAYOUT, groups: { ...groups, masters: { roles: ["controlPlane", "etcd"] } } } });
    const sources = (name: string) => { const side = rule(t, name).source; return side.kind === "groups" ? side.groups : []; };
    expect(sources("sk-masters-in-nodes-udp-dns-udp")).toEqual(["g00", "g01", "g02", "g03", "g04", "g05", "g06", "g07", "g08", "g09"]);
    expect(sources("sk-masters-in-nodes-udp-dns-udp-part-2")).toEqual(["g10", "g11", "masters"]);
    expect(rule(t, "sk-masters-in-nodes-udp-dns-udp-part-2").ports).toEqual(NODE_UDP);
  });

  // Pod-sourced traffic comes from pod IPs that no ASG holds, and Azure routes pod addresses only with
  // IP forwarding and a route table this component does not manage: the shell refuses the mode (podRouting).
  it("refuses a CNI that routes pods unencapsulated, with the reason and an encapsulating mode as the fix", () => {
    const error = thrown(() => design({ layout: { ...LAYOUT, podCidr: "10.244.0.0/16", options: { calicoMode: "bgp" } } }));
    expect(error.issues[0]).toMatchObject({ path: "layout.options" });
    expect(error.issues[0]!.message).toMatch(/calicoMode "bgp" routes pod addresses without encapsulation: Azure routes pod addresses only with IP forwarding.*calicoMode: vxlan/);
  });
});

describe("limits", () => {
  const many = (n: number): Layout => ({
    name: "big",
    profiles: ["super-kubenetes"],
    options: { calicoMode: "vxlan" },
    groups: Object.fromEntries(Array.from({ length: n }, (_, i) => [`g${i}`, { roles: i === 0 ? ["controlPlane", "etcd"] : ["worker"] }])),
  });

  it("refuses more than 1000 rules in one NSG", () => {
    // Each group sends one port of its own to every node: 33 source sets for each of 33 targets.
    const own = (n: number): Layout => ({
      ...many(n),
      rules: Array.from({ length: n }, (_, i): CustomRule => ({ id: `own-${i}`, description: `own ${i}`, protocols: ["tcp"], ports: String(20000 + i), from: [{ group: `g${i}` }], to: { nodes: true } })),
    });
    const error = thrown(() => design({ layout: own(33) }));
    expect(error.message).toMatch(/rules; Azure allows 1000 per network security group/);
  });

  it("refuses a reserved band that leaves too few priorities", () => {
    const error = thrown(() => design({ layout: many(6), reservedPriorities: { from: 100, to: 4080 } }));
    expect(error.issues[0]).toMatchObject({ path: "args.reservedPriorities" });
    expect(error.issues[0]!.message).toMatch(/\d+ inbound allow rules need as many priorities, but only 6 of 100-4086/);
  });

  it("names CIDR rules after the CIDR, so peers that slug alike never share a name", () => {
    const rules: CustomRule[] = [
      { id: "a", description: "a", protocols: ["tcp"], ports: "9000", from: [{ peer: "ops team" }], to: { role: "worker" } },
      { id: "b", description: "b", protocols: ["tcp"], ports: "9001", from: [{ peer: "ops_team" }], to: { role: "worker" } },
    ];
    const t = design({ layout: { ...withRules(rules), peers: { ...LAYOUT.peers, "ops team": ["10.1.0.0/16"], ops_team: ["10.2.0.0/16"] } } });
    expect(rule(t, "sk-workers-in-from-10-1-0-0-16-tcp")).toMatchObject({ source: { prefixes: ["10.1.0.0/16"], peers: ["ops team"] }, ports: ["9000"] });
    expect(rule(t, "sk-workers-in-from-10-2-0-0-16-tcp")).toMatchObject({ source: { prefixes: ["10.2.0.0/16"], peers: ["ops_team"] }, ports: ["9001"] });
    expect(new Set(t.rules.map((r) => r.name)).size).toBe(t.rules.length);
  });

  it("shortens long names with a hash, within 80 characters", () => {
    const t = design({}, "a-very-long-component-name-that-goes-on-and-on-and-on-for-a-while");
    for (const r of t.rules) {
      expect(r.name.length).toBeLessThanOrEqual(80);
      expect(r.name).toMatch(AZURE_NAME);
    }
    expect(new Set(t.rules.map((r) => r.name)).size).toBe(t.rules.length);
  });
});
