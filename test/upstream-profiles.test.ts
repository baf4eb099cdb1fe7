/**
 * The upstream profiles (Kubernetes, RKE2, K3s) and the CNI overlays, compiled in each of
 * their modes. Expectations come from the public pages (reference/port-sources.md).
 */
import { describe, expect, it } from "vitest";
import { compile } from "../components/compiler/compile";
import type { Flow, Plan } from "../components/model/plan";
import { formatPortRange } from "../components/model/ports";

const PEERS = { apiClients: ["192.0.2.0/24"], loadBalancer: ["10.0.8.0/24"], workloadClients: ["198.51.100.0/24"] };

/** A control-plane group (also etcd where the profile has the role) and a worker group. */
function plan(profiles: string[], options: Record<string, unknown> = {}, extra: { etcd?: boolean; peers?: Record<string, string[]> } = {}): Plan {
  return compile({
    name: "upstream",
    completeness: "warn", podCidr: ["10.244.0.0/16", "fd00:10:244::/56"], // the vendor table as written: the model only reports
    profiles,
    options,
    groups: { cp: { roles: extra.etcd ? ["controlPlane", "etcd"] : ["controlPlane"] }, workers: { roles: ["worker"] } },
    peers: extra.peers ?? {},
  });
}

function peerName(flow: Flow): string {
  return flow.peer.kind === "group" ? flow.peer.group : flow.peer.kind === "cidr" ? flow.peer.cidr : flow.peer.host;
}

/** Ingress lines of a group that a given profile contributed to: "udp 4789 workers". */
function ingressFrom(p: Plan, group: string, profile: string): string[] {
  const g = p.groups.find((candidate) => candidate.name === group)!;
  return g.ingress
    .filter((flow) => flow.reasons.some((r) => r.profile === profile))
    .map((flow) => `${flow.protocol} ${flow.ports ? formatPortRange(flow.ports) : flow.icmp ? `type-${flow.icmp.type}` : "-"} ${peerName(flow)}`)
    .sort();
}

function localFrom(p: Plan, group: string, profile: string): string[] {
  const g = p.groups.find((candidate) => candidate.name === group)!;
  return g.local.filter((probe) => probe.reasons.some((r) => r.profile === profile)).map((probe) => `${probe.protocol} ${formatPortRange(probe.ports!)}`).sort();
}

/** Both groups, from both groups: how an overlay between all nodes shows up on one group. */
const betweenAll = (what: string): string[] => [`${what} cp`, `${what} workers`];

function everyReasonCitesAPage(p: Plan, profile: string): void {
  const reasons = p.groups.flatMap((g) => [...g.ingress, ...g.egress, ...g.local]).flatMap((f) => f.reasons).filter((r) => r.profile === profile);
  expect(reasons.length).toBeGreaterThan(0);
  for (const reason of reasons) expect(reason.document).toMatch(/^https:\/\//);
}

describe("kubernetes (kubeadm ports and protocols)", () => {
  const p = plan(["kubernetes"], {}, { etcd: true, peers: PEERS });

  it("control plane: API from all nodes and API clients, etcd, kubelet; scheduler and controller-manager local", () => {
    expect(ingressFrom(p, "cp", "kubernetes")).toEqual(
      ["tcp 6443 cp", "tcp 6443 workers", "tcp 6443 192.0.2.0/24", "tcp 2379-2380 cp", "tcp 10250 cp"].sort(),
    );
    expect(localFrom(p, "cp", "kubernetes")).toEqual(["tcp 10257", "tcp 10259"]);
  });

  it("workers: kubelet from the control plane, kube-proxy from load balancers, NodePort TCP and UDP", () => {
    expect(ingressFrom(p, "workers", "kubernetes")).toEqual(
      [
        "tcp 10250 cp",
        "tcp 10256 10.0.8.0/24",
        "tcp 30000-32767 cp", "tcp 30000-32767 workers", "tcp 30000-32767 198.51.100.0/24",
        "udp 30000-32767 cp", "udp 30000-32767 workers", "udp 30000-32767 198.51.100.0/24",
      ].sort(),
    );
    everyReasonCitesAPage(p, "kubernetes");
  });

  it("etcd is a role the layout must give a group", () => {
    expect(() => plan(["kubernetes"])).toThrow(/etcd/);
  });
});

describe("rke2", () => {
  it("servers: API and supervisor from all nodes, etcd 2379-2381 between servers", () => {
    const p = plan(["rke2"]);
    const cp = ingressFrom(p, "cp", "rke2");
    for (const line of [...betweenAll("tcp 6443"), ...betweenAll("tcp 9345"), "tcp 2379-2381 cp", ...betweenAll("tcp 10250")]) expect(cp).toContain(line);
    expect(cp).not.toContain("tcp 2379-2381 workers");
    everyReasonCitesAPage(p, "rke2");
  });

  it("Canal by default: UDP 8472 and health 9099 between all nodes", () => {
    const workers = ingressFrom(plan(["rke2"]), "workers", "rke2");
    for (const line of [...betweenAll("udp 8472"), ...betweenAll("tcp 9099"), ...betweenAll("tcp 30000-32767")]) expect(workers).toContain(line);
  });

  it("Calico VXLAN: UDP 4789, no 8472, no BGP", () => {
    const workers = ingressFrom(plan(["rke2"], { cni: "calico", calicoMode: "vxlan" }), "workers", "rke2");
    for (const line of betweenAll("udp 4789")) expect(workers).toContain(line);
    expect(workers.filter((line) => /^udp 8472|^tcp 179 /.test(line))).toEqual([]);
  });

  it("Cilium: health 4240 and ICMP echo; WireGuard 51871", () => {
    const workers = ingressFrom(plan(["rke2"], { cni: "cilium", encryption: "wireguard" }), "workers", "rke2");
    for (const line of [...betweenAll("tcp 4240"), ...betweenAll("icmp type-8"), ...betweenAll("icmp type-0"), ...betweenAll("udp 51871")]) {
      expect(workers).toContain(line);
    }
  });

  it("Flannel: UDP 4789 as RKE2 documents it", () => {
    const workers = ingressFrom(plan(["rke2"], { cni: "flannel" }), "workers", "rke2");
    for (const line of betweenAll("udp 4789")) expect(workers).toContain(line);
    expect(workers.filter((line) => line.startsWith("udp 8472"))).toEqual([]);
  });

  it("embedded registry mirror: TCP 5001 and 9345 between all nodes", () => {
    const without = ingressFrom(plan(["rke2"]), "workers", "rke2");
    expect(without.filter((line) => / (5001|9345) /.test(line))).toEqual([]);
    const workers = ingressFrom(plan(["rke2"], { embeddedRegistry: true }), "workers", "rke2");
    for (const line of [...betweenAll("tcp 5001"), ...betweenAll("tcp 9345")]) expect(workers).toContain(line);
  });
});

describe("k3s", () => {
  it("Flannel VXLAN by default; etcd only with HA", () => {
    const p = plan(["k3s"]);
    const cp = ingressFrom(p, "cp", "k3s");
    for (const line of [...betweenAll("udp 8472"), ...betweenAll("tcp 10250"), "tcp 6443 workers"]) expect(cp).toContain(line);
    expect(cp.filter((line) => line.startsWith("tcp 2379"))).toEqual([]);
    expect(ingressFrom(plan(["k3s"], { ha: true }), "cp", "k3s")).toContain("tcp 2379-2380 cp");
    everyReasonCitesAPage(p, "k3s");
  });

  it("the WireGuard backend replaces VXLAN; 51821 only with IPv6", () => {
    const v4 = ingressFrom(plan(["k3s"], { encryption: "wireguard" }), "workers", "k3s");
    for (const line of betweenAll("udp 51820")) expect(v4).toContain(line);
    expect(v4.filter((line) => /^udp (8472|51821) /.test(line))).toEqual([]);
    // 51820 and 51821 are adjacent: the plan merges them into one rule.
    const v6 = ingressFrom(plan(["k3s"], { encryption: "wireguard", ipv6: true }), "workers", "k3s");
    for (const line of betweenAll("udp 51820-51821")) expect(v6).toContain(line);
  });

  it("a lone server without agents compiles, noting the agent rows", () => {
    const p = compile({ name: "solo", profiles: ["k3s"], groups: { server: { roles: ["controlPlane"] } } });
    expect(p.notes.some((note) => note.code === "role-absent" && note.profile === "k3s")).toBe(true);
  });
});

/** CNI overlays need a distribution's roles; each test looks only at the overlay's own flows. */
function cniPlan(cni: string, options: Record<string, unknown> = {}, peers: Record<string, string[]> = {}): Plan {
  return plan(["kubernetes", cni], { cni, ...options }, { etcd: true, peers });
}

describe("calico", () => {
  it("IP-in-IP mode: protocol 4 and BGP, no VXLAN", () => {
    const lines = ingressFrom(cniPlan("calico", { calicoMode: "ipip" }), "workers", "calico");
    expect(lines).toEqual([...betweenAll("tcp 179"), ...betweenAll("ipip -")].sort());
  });

  it("VXLAN mode: UDP 4789, no IP-in-IP, no BGP", () => {
    const lines = ingressFrom(cniPlan("calico", { calicoMode: "vxlan" }), "workers", "calico");
    expect(lines).toEqual(betweenAll("udp 4789").sort());
  });

  it("BGP mode: TCP 179 only", () => {
    expect(ingressFrom(cniPlan("calico", { calicoMode: "bgp" }), "workers", "calico")).toEqual(betweenAll("tcp 179").sort());
  });

  it("Typha and WireGuard; Felix and Typha health stay local", () => {
    const p = cniPlan("calico", { calicoMode: "vxlan", calicoTypha: true, encryption: "wireguard", ipv6: true });
    const lines = ingressFrom(p, "workers", "calico");
    for (const line of [...betweenAll("tcp 5473"), ...betweenAll("udp 51820-51821")]) expect(lines).toContain(line);
    expect(lines.filter((line) => / 909[89] /.test(line))).toEqual([]);
    expect(localFrom(p, "workers", "calico")).toEqual(["tcp 9098", "tcp 9099"]);
    everyReasonCitesAPage(p, "calico");
  });

  it("adds nothing when another CNI is selected", () => {
    const p = plan(["kubernetes", "calico"], { cni: "flannel" }, { etcd: true });
    expect(ingressFrom(p, "workers", "calico")).toEqual([]);
    expect(localFrom(p, "workers", "calico")).toEqual([]);
  });
});

describe("flannel", () => {
  it("VXLAN on UDP 8472; 4789 only on Windows", () => {
    expect(ingressFrom(cniPlan("flannel"), "workers", "flannel")).toEqual(betweenAll("udp 8472").sort());
    const windows = ingressFrom(cniPlan("flannel", { windows: true }), "workers", "flannel");
    for (const line of betweenAll("udp 4789")) expect(windows).toContain(line);
  });

  it("the WireGuard backend: 51820, and 51821 with IPv6, no VXLAN", () => {
    const lines = ingressFrom(cniPlan("flannel", { encryption: "wireguard", ipv6: true }), "workers", "flannel");
    expect(lines).toEqual(betweenAll("udp 51820-51821").sort());
    everyReasonCitesAPage(cniPlan("flannel"), "flannel");
  });
});

describe("canal", () => {
  it("Flannel VXLAN 8472 between nodes; Felix health local only", () => {
    const p = cniPlan("canal");
    expect(ingressFrom(p, "workers", "canal")).toEqual(betweenAll("udp 8472").sort());
    expect(localFrom(p, "workers", "canal")).toEqual(["tcp 9099"]);
    everyReasonCitesAPage(p, "canal");
  });

  it("WireGuard replaces VXLAN", () => {
    const lines = ingressFrom(cniPlan("canal", { encryption: "wireguard" }), "workers", "canal");
    expect(lines).toEqual(betweenAll("udp 51820").sort());
  });
});

describe("cilium", () => {
  const health = [...betweenAll("tcp 4240"), ...betweenAll("icmp type-0"), ...betweenAll("icmp type-8")];

  it("VXLAN tunnel: UDP 8472 and health checks", () => {
    expect(ingressFrom(cniPlan("cilium", { ciliumTunnel: "vxlan" }), "workers", "cilium")).toEqual([...health, ...betweenAll("udp 8472")].sort());
  });

  it("Geneve tunnel: UDP 6081, not 8472", () => {
    expect(ingressFrom(cniPlan("cilium", { ciliumTunnel: "geneve" }), "workers", "cilium")).toEqual([...health, ...betweenAll("udp 6081")].sort());
  });

  it("native routing: no tunnel port", () => {
    expect(ingressFrom(cniPlan("cilium", { ciliumTunnel: "native" }), "workers", "cilium")).toEqual([...health].sort());
  });

  it("Hubble, WireGuard, and metrics from the monitoring peer", () => {
    const p = cniPlan("cilium", { ciliumTunnel: "native", hubble: true, encryption: "wireguard", monitoring: true }, { monitoring: ["10.0.7.0/24"] });
    const lines = ingressFrom(p, "workers", "cilium");
    for (const line of [...betweenAll("tcp 4244-4245"), ...betweenAll("udp 51871"), "tcp 9962-9964 10.0.7.0/24"]) expect(lines).toContain(line);
    expect(lines.filter((line) => line.startsWith("tcp 9962") && !line.endsWith("10.0.7.0/24"))).toEqual([]);
    everyReasonCitesAPage(p, "cilium");
  });

  it("IPsec: ESP between nodes", () => {
    const lines = ingressFrom(cniPlan("cilium", { ciliumTunnel: "native", encryption: "ipsec" }), "workers", "cilium");
    for (const line of betweenAll("esp -")) expect(lines).toContain(line);
  });
});

describe("weave", () => {
  it("TCP 6783 and UDP 6783-6784 between nodes, only with Weave", () => {
    expect(ingressFrom(cniPlan("weave"), "workers", "weave")).toEqual([...betweenAll("tcp 6783"), ...betweenAll("udp 6783-6784")].sort());
    expect(ingressFrom(plan(["kubernetes", "weave"], { cni: "calico" }, { etcd: true }), "workers", "weave")).toEqual([]);
  });
});
