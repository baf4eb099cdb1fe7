/**
 * The pure GCP translation: plan -> rule specs. Every expectation here is written from GCP's
 * documented rules (one family per rule, ICMPv6 is protocol 58, IP-in-IP is protocol 4, names
 * are RFC 1035 labels of at most 63 characters), not read back from the code.
 */
import { describe, expect, it } from "vitest";
import { compile } from "../components/compiler/compile";
import type { CustomRule, Layout } from "../components/model/layout";
import { KubeportsError } from "../components/model/errors";
import { allowsFor } from "../components/gcp/gcpAllows";
import { fqdnProblem, translatePlan } from "../components/gcp/gcpRules";
import type { GcpRuleSpec, GcpTranslateOptions } from "../components/gcp/gcpRuleSpec";

const GCP_NAME = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

const DEFAULTS: GcpTranslateOptions = { prefix: "t", priority: 1000, restrictEgress: false, nodeRanges: [], fqdnEgress: false };

function layout(extra: Partial<Layout> = {}): Layout {
  return {
    name: "t",
    profiles: ["super-kubenetes"],
    groups: { masters: { roles: ["controlPlane", "etcd"] }, workers: { roles: ["worker"] } },
    peers: { admin: ["203.0.113.0/24", "2001:db8::/48"] },
    ...extra,
  };
}

function rules(extra: Partial<Layout> = {}, options: Partial<GcpTranslateOptions> = {}): GcpRuleSpec[] {
  return [...translatePlan(compile(layout(extra)), { ...DEFAULTS, ...options }).rules];
}

function byName(list: readonly GcpRuleSpec[], name: string): GcpRuleSpec {
  const rule = list.find((r) => r.name === name);
  if (!rule) throw new Error(`no rule ${name}; have ${list.map((r) => r.name).join(", ")}`);
  return rule;
}

const rule = (r: Partial<CustomRule> & Pick<CustomRule, "id" | "protocols" | "from" | "to">): CustomRule => ({ description: r.id, ...r });

describe("allowsFor", () => {
  it("puts every range of a protocol in one ports list, merging only ranges that touch", () => {
    const allows = allowsFor(
      [
        { protocol: "tcp", ports: { from: 30000, to: 32767 } },
        { protocol: "tcp", ports: { from: 22, to: 22 } },
        { protocol: "tcp", ports: { from: 2379, to: 2380 } },
        { protocol: "tcp", ports: { from: 2381, to: 2381 } },
        { protocol: "udp", ports: { from: 53, to: 53 } },
      ],
      "ipv4",
      false,
    );
    expect(allows).toEqual([
      { protocol: "tcp", ports: ["22", "2379-2381", "30000-32767"] },
      { protocol: "udp", ports: ["53"] },
    ]);
  });

  it("writes IP-in-IP as 4, IANA 94 as 94, ESP by name, and no ports for them", () => {
    expect(allowsFor([{ protocol: "ipip" }, { protocol: "ipip94" }, { protocol: "esp" }], "ipv4", false)).toEqual([
      { protocol: "4" },
      { protocol: "94" },
      { protocol: "esp" },
    ]);
  });

  it("uses ICMPv6 (58) towards IPv6 ranges, and both ICMPs between groups of a dual-stack cluster", () => {
    expect(allowsFor([{ protocol: "icmp" }], "ipv6", false)).toEqual([{ protocol: "58" }]);
    expect(allowsFor([{ protocol: "icmp" }], "ipv4", true)).toEqual([{ protocol: "icmp" }]);
    expect(allowsFor([{ protocol: "icmp" }], "groups", true)).toEqual([{ protocol: "icmp" }, { protocol: "58" }]);
    expect(allowsFor([{ protocol: "icmp" }], "groups", false)).toEqual([{ protocol: "icmp" }]);
  });

  it("lets `all` stand alone, and a port-less TCP flow open every TCP port", () => {
    expect(allowsFor([{ protocol: "tcp", ports: { from: 22, to: 22 } }, { protocol: "all" }], "ipv4", false)).toEqual([{ protocol: "all" }]);
    expect(allowsFor([{ protocol: "tcp", ports: { from: 22, to: 22 } }, { protocol: "tcp" }], "ipv4", false)).toEqual([{ protocol: "tcp" }]);
  });
});

describe("translatePlan: ingress", () => {
  it("packs the source groups that want the same ports into one rule, self references included", () => {
    const list = rules();
    const both = byName(list, "t-workers-in-from-masters-workers");
    expect(both.peer).toEqual({ kind: "groups", groups: ["masters", "workers"] });
    expect(both.group).toBe("workers");
    expect(both.direction).toBe("INGRESS");
    // 5473 (Felix to Typha, KubeKey's installer default) is a connectivity-model supplement between all nodes.
    expect(both.allows).toEqual([
      { protocol: "tcp", ports: ["22", "53", "179", "5473", "8443", "9099-9100", "30000-32767"] },
      { protocol: "udp", ports: ["53"] },
      { protocol: "4" },
      { protocol: "94" },
    ]);
    // Masters accept etcd (2379-2380) from masters only: that piece gets a rule of its own,
    // and nothing else moves into it.
    expect(byName(list, "t-masters-in-from-masters").allows).toEqual([{ protocol: "tcp", ports: ["2379-2380"] }]);
    expect(byName(list, "t-masters-in-from-masters-workers").allows[0]).toEqual({
      protocol: "tcp",
      ports: ["22", "53", "179", "5473", "6443", "8443", "9099-9100", "10250-10258", "30000-32767"],
    });
    // Only the masters reach the workers' kubelet (a connectivity-model supplement): a rule of its own.
    expect(byName(list, "t-workers-in-from-masters").allows).toEqual([{ protocol: "tcp", ports: ["10250"] }]);
    expect(list.map((r) => r.name).sort()).toEqual([
      "t-masters-in-from-admin-v4",
      "t-masters-in-from-admin-v6",
      "t-masters-in-from-masters",
      "t-masters-in-from-masters-workers",
      "t-workers-in-from-admin-v4",
      "t-workers-in-from-admin-v6",
      "t-workers-in-from-masters",
      "t-workers-in-from-masters-workers",
    ]);
    expect(new Set(list.map((r) => r.priority))).toEqual(new Set([1000]));
  });

  it("splits a peer's IPv4 and IPv6 CIDRs into separate rules, with ICMPv6 as 58", () => {
    const ping = rule({ id: "ping", protocols: ["icmp"], icmp: { type: 8 }, from: [{ peer: "admin" }], to: { role: "worker" } });
    const list = rules({ rules: [ping] });
    const v4 = byName(list, "t-workers-in-from-admin-v4");
    const v6 = byName(list, "t-workers-in-from-admin-v6");
    expect(v4.peer).toEqual({ kind: "ranges", family: "ipv4", ranges: ["203.0.113.0/24"], label: "admin" });
    expect(v6.peer).toEqual({ kind: "ranges", family: "ipv6", ranges: ["2001:db8::/48"], label: "admin" });
    expect(v4.allows).toEqual([{ protocol: "tcp", ports: ["22"] }, { protocol: "icmp" }]);
    expect(v6.allows).toEqual([{ protocol: "tcp", ports: ["22"] }, { protocol: "58" }]);
  });

  it("says out loud that an ICMP type filter becomes all ICMP", () => {
    const ping = rule({ id: "ping", protocols: ["icmp"], icmp: { type: 8 }, from: [{ peer: "admin" }], to: { role: "worker" } });
    const translation = translatePlan(compile(layout({ rules: [ping] })), DEFAULTS);
    expect(translation.notes.some((note) => note.includes("ICMP type 8") && note.includes("all ICMP"))).toBe(true);
  });

  it("puts all CIDRs of one peer in one rule, and never gives a CIDR ports only another peer needs", () => {
    const list = rules({
      peers: { admin: ["203.0.113.0/24", "198.51.100.0/24"], apiClients: ["198.51.100.0/24"] },
    });
    // 198.51.100.0/24 is both admin (SSH) and apiClients (API): one rule per named peer, exact ports each.
    const admin = byName(list, "t-masters-in-from-admin-v4");
    const api = byName(list, "t-masters-in-from-apiclients-v4");
    expect(admin.peer).toMatchObject({ ranges: ["198.51.100.0/24", "203.0.113.0/24"], label: "admin" });
    expect(admin.allows).toEqual([{ protocol: "tcp", ports: ["22"] }]);
    expect(api.peer).toMatchObject({ ranges: ["198.51.100.0/24"], label: "apiClients" });
    expect(api.allows).toEqual([{ protocol: "tcp", ports: ["6443"] }]);
    expect(list.some((r) => r.name === "t-workers-in-from-apiclients-v4")).toBe(false);
  });

  it("packs a label's CIDRs by the ports they share, with content-hashed, distinct names", () => {
    const list = rules({
      rules: [
        rule({ id: "lab-a", protocols: ["tcp"], ports: "8000", from: [{ cidrs: ["10.1.0.0/16"], label: "lab" }], to: { role: "worker" } }),
        rule({ id: "lab-b", protocols: ["tcp"], ports: "8001", from: [{ cidrs: ["10.1.0.0/16", "10.2.0.0/16"], label: "lab" }], to: { role: "worker" } }),
      ],
    });
    const lab = list.filter((r) => r.name.startsWith("t-workers-in-from-lab-v4-"));
    expect(lab).toHaveLength(2);
    // 10.1.0.0/16 wants 8000 and 8001, 10.2.0.0/16 only 8001: 8001 goes to a rule with both.
    const one = lab.find((r) => r.peer.kind === "ranges" && r.peer.ranges.length === 1)!;
    const two = lab.find((r) => r.peer.kind === "ranges" && r.peer.ranges.length === 2)!;
    expect(one.peer).toMatchObject({ ranges: ["10.1.0.0/16"] });
    expect(one.allows).toEqual([{ protocol: "tcp", ports: ["8000"] }]);
    expect(two.peer).toMatchObject({ ranges: ["10.1.0.0/16", "10.2.0.0/16"] });
    expect(two.allows).toEqual([{ protocol: "tcp", ports: ["8001"] }]);
    expect(one.name).not.toBe(two.name);
  });

  it("keeps peers whose names slug alike apart with content hashes", () => {
    const list = rules({
      peers: { api_clients: ["198.51.100.0/24"], "api-clients": ["192.0.2.0/24"] },
      rules: [
        rule({ id: "x", protocols: ["tcp"], ports: "7000", from: [{ peer: "api_clients" }], to: { role: "worker" } }),
        rule({ id: "y", protocols: ["tcp"], ports: "7001", from: [{ peer: "api-clients" }], to: { role: "worker" } }),
      ],
    });
    const clients = list.filter((r) => r.name.startsWith("t-workers-in-from-api-clients-v4-"));
    expect(clients).toHaveLength(2);
    expect(clients[0]!.name).not.toBe(clients[1]!.name);
    for (const r of clients) expect(r.name).toMatch(GCP_NAME);
  });

  it("shortens long names with a hash instead of truncating them into one name", () => {
    const prefix = "a-very-long-component-name-that-already-uses-most-of-the-limit";
    const list = rules({}, { prefix });
    const names = list.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) {
      expect(name.length).toBeLessThanOrEqual(63);
      expect(name).toMatch(GCP_NAME);
      expect(name).toMatch(/-[0-9a-f]{8}$/);
    }
  });

  it("refuses ingress from a host name, naming the flow", () => {
    const fromHost = rule({ id: "from-host", protocols: ["tcp"], ports: "9000", from: [{ hosts: ["ci.example.com"] }], to: { role: "worker" } });
    expect(() => translatePlan(compile(layout({ rules: [fromHost] })), DEFAULTS)).toThrow(/host name "ci\.example\.com".*peer with CIDRs/);
  });

  it("writes descriptions from the rows, within 2048 characters", () => {
    const many = Array.from({ length: 120 }, (_, i) =>
      rule({ id: `site-port-${i}`, description: `a site-specific service number ${i} with a long description`, protocols: ["tcp"], ports: `${20000 + i * 2}`, from: [{ role: "worker" }], to: { role: "worker" } }),
    );
    const self = byName(rules({ rules: many }), "t-workers-in-from-workers");
    expect(self.description.length).toBeLessThanOrEqual(2048);
    expect(self.description).toMatch(/^kubeports t: workers accepts from node group workers\. Rows: /);
    expect(self.description).toMatch(/and \d+ more$/);
    expect(byName(rules(), "t-workers-in-from-masters-workers").description).toContain("super-kubenetes/nodeport (nodeport)");
  });
});

describe("translatePlan: egress", () => {
  const apinizer: Layout = {
    name: "api",
    profiles: ["apinizer"],
    options: { ha: true },
    groups: { masters: { roles: ["controlPlane"] }, workers: { roles: ["worker"] } },
    peers: { loadBalancer: ["10.0.0.10/32"] },
  };

  it("creates no egress rule by default and reports the hosts as allowed by the implied rule", () => {
    const translation = translatePlan(compile(apinizer), { ...DEFAULTS, prefix: "api" });
    expect(translation.rules.filter((r) => r.direction === "EGRESS")).toEqual([]);
    expect(translation.notes.some((note) => note.includes("implied allow-egress"))).toBe(true);
    expect(translation.hosts.map((h) => `${h.group} ${h.host}`)).toContain("workers *.docker.io");
    expect(translation.hosts.every((h) => !h.blocked)).toBe(true);
  });

  it("with restrictEgress: allows to node ranges and CIDR peers, then deny-all per family at 65535", () => {
    const translation = translatePlan(compile(apinizer), { ...DEFAULTS, prefix: "api", priority: 900, restrictEgress: true, nodeRanges: ["10.0.0.0/20"] });
    const egress = translation.rules.filter((r) => r.group === "workers" && r.direction === "EGRESS");
    expect(egress.map((r) => r.name).sort()).toEqual([
      "api-workers-out-deny-all-v4",
      "api-workers-out-deny-all-v6",
      "api-workers-out-to-loadbalancer-v4",
      "api-workers-out-to-nodes-v4",
    ]);
    const deny4 = byName(egress, "api-workers-out-deny-all-v4");
    expect(deny4).toMatchObject({ action: "deny", priority: 65535, layer: "vpc", allows: [{ protocol: "all" }], peer: { ranges: ["0.0.0.0/0"] } });
    expect(byName(egress, "api-workers-out-deny-all-v6").peer).toMatchObject({ family: "ipv6", ranges: ["::/0"] });
    const nodes = byName(egress, "api-workers-out-to-nodes-v4");
    expect(nodes).toMatchObject({ action: "allow", priority: 900, peer: { ranges: ["10.0.0.0/20"] } });
    // Workers may send to the node ranges exactly what they send to any node group.
    const toGroups = compile(apinizer).groups.find((g) => g.name === "workers")!.egress.filter((f) => f.peer.kind === "group");
    expect(nodes.allows).toEqual(allowsFor(toGroups, "ipv4", false));
    expect(byName(egress, "api-workers-out-to-loadbalancer-v4").allows).toEqual([{ protocol: "tcp", ports: ["6443"] }]);
    expect(translation.hosts.filter((h) => h.group === "workers").every((h) => h.blocked)).toBe(true);
  });

  it("with restrictEgress and no nodeRanges: a clear error, since GCP egress cannot name tags", () => {
    expect(() => translatePlan(compile(apinizer), { ...DEFAULTS, prefix: "api", restrictEgress: true })).toThrow(/args\.nodeRanges: restrictEgress needs the node groups' subnet CIDRs/);
  });

  it("with fqdnEgress: FQDN allows for concrete hosts, wildcards reported as blocked, all egress in the policy", () => {
    const translation = translatePlan(compile(apinizer), { ...DEFAULTS, prefix: "api", restrictEgress: true, nodeRanges: ["10.0.0.0/20"], fqdnEgress: true });
    const egress = translation.rules.filter((r) => r.direction === "EGRESS");
    expect(egress.every((r) => r.layer === "policy")).toBe(true);
    expect(translation.rules.filter((r) => r.direction === "INGRESS").every((r) => r.layer === "vpc")).toBe(true);
    const fqdn = byName(egress, "api-workers-out-fqdn-tcp-80-443");
    expect(fqdn.peer).toEqual({ kind: "fqdns", fqdns: ["archive.ubuntu.com", "cdn.redhat.com"] });
    expect(fqdn.allows).toEqual([{ protocol: "tcp", ports: ["80", "443"] }]);
    const blocked = translation.hosts.filter((h) => h.group === "workers").map((h) => h.host).sort();
    expect(blocked).toEqual(["*.amazonaws.com", "*.docker.com", "*.docker.io", "*.k8s.io"]);
    expect(translation.hosts.every((h) => h.blocked && h.why.includes("wildcard"))).toBe(true);
    // Policy priorities are distinct, and every deny comes after every allow.
    const policy = translation.rules.filter((r) => r.layer === "policy");
    expect(new Set(policy.map((r) => r.priority)).size).toBe(policy.length);
    const maxAllow = Math.max(...policy.filter((r) => r.action === "allow").map((r) => r.priority));
    const minDeny = Math.min(...policy.filter((r) => r.action === "deny").map((r) => r.priority));
    expect(maxAllow).toBeLessThan(minDeny);
    expect(minDeny).toBeLessThanOrEqual(2_147_483_647);
  });

  it("keeps policy priorities when a rule is added", () => {
    const options = { ...DEFAULTS, prefix: "api", restrictEgress: true, nodeRanges: ["10.0.0.0/20"], fqdnEgress: true };
    const before = translatePlan(compile(apinizer), options).rules;
    const extra = rule({ id: "mirror", protocols: ["tcp"], ports: "8443", from: [{ role: "worker" }], to: { hosts: ["mirror.example.com"] } });
    const after = translatePlan(compile({ ...apinizer, rules: [extra] }), options).rules;
    expect(after.length).toBe(before.length + 1);
    for (const old of before) expect(byName(after, old.name).priority).toBe(old.priority);
  });

  it("splits more than 100 host names into rules of at most 100", () => {
    const hosts = Array.from({ length: 150 }, (_, i) => `h${String(i).padStart(3, "0")}.example.com`);
    const many = rule({ id: "many", protocols: ["tcp"], ports: "443", from: [{ role: "worker" }], to: { hosts } });
    const translation = translatePlan(compile({ ...apinizer, rules: [many] }), { ...DEFAULTS, prefix: "api", restrictEgress: true, nodeRanges: ["10.0.0.0/20"], fqdnEgress: true });
    const parts = translation.rules.filter((r) => r.group === "workers" && r.name.startsWith("api-workers-out-fqdn-tcp-443"));
    expect(parts.map((r) => r.name)).toEqual(["api-workers-out-fqdn-tcp-443-part1", "api-workers-out-fqdn-tcp-443-part2"]);
    const listed = parts.flatMap((r) => (r.peer.kind === "fqdns" ? r.peer.fqdns : []));
    expect(parts.every((r) => r.peer.kind === "fqdns" && r.peer.fqdns.length <= 100)).toBe(true);
    expect([...listed].sort()).toEqual(hosts);
  });
});

describe("fqdnProblem", () => {
  it("accepts concrete host names and names the problem with wildcards and bare TLDs", () => {
    expect(fqdnProblem("archive.ubuntu.com")).toBeUndefined();
    expect(fqdnProblem("*.docker.io")).toMatch(/wildcard/);
    expect(fqdnProblem("org")).toMatch(/not a fully qualified domain name/);
    expect(fqdnProblem("bad_host.example.com")).toMatch(/not a fully qualified domain name/);
  });
});

describe("translatePlan errors", () => {
  it("is a KubeportsError listing every issue", () => {
    try {
      const fromHost = rule({ id: "from-host", protocols: ["tcp"], ports: "9000", from: [{ hosts: ["a.example.com", "b.example.com"] }], to: { role: "worker" } });
      translatePlan(compile(layout({ rules: [fromHost] })), DEFAULTS);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(KubeportsError);
      expect((error as KubeportsError).issues).toHaveLength(2);
    }
  });
});
