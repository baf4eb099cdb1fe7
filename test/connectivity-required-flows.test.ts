/**
 * The connectivity model, table by table: what every cluster needs between its own machines,
 * per distribution and per CNI mode, whatever the vendor pages say.
 */
import { describe, expect, it } from "vitest";
import { compile } from "../components/compiler/compile";
import { BINDINGS } from "../components/connectivity/distributions";
import { CORE_REQUIREMENTS, OVERLAY_REQUIREMENTS } from "../components/connectivity/model";
import { requiredFlows } from "../components/connectivity/requiredFlows";
import { parsePortSpec } from "../components/model/ports";
import { CATALOG } from "../components/profiles/catalog";
import type { RequiredFlow } from "../components/connectivity/requiredFlow";
import { KubeportsError } from "../components/model/errors";
import type { Layout } from "../components/model/layout";

type Groups = Layout["groups"];

function flowsOf(layout: Omit<Layout, "name" | "profiles"> & { readonly profiles: readonly string[] }): RequiredFlow[] {
  return requiredFlows(compile({ name: "model", completeness: "warn", ...layout }));
}

/** "from->to" pairs of one requirement (peers as "peer:<name>"). */
function pairs(flows: readonly RequiredFlow[], requirement: string): string[] {
  return flows
    .filter((f) => f.requirement === requirement)
    .map((f) => `${f.from.kind === "group" ? f.from.group : `peer:${f.from.peer}`}->${f.to}`)
    .sort();
}

function everyPair(groups: readonly string[]): string[] {
  return groups.flatMap((a) => groups.map((b) => `${a}->${b}`)).sort();
}

const kubeadmGroups: Groups = {
  cp: { roles: ["controlPlane"] },
  etcd: { roles: ["etcd"] },
  "workers-a": { roles: ["worker"] },
  "workers-b": { roles: ["worker"] },
};
/** Kubernetes nodes; the etcd-only group is an etcd member (kubeadm's external etcd), not a node. */
const NODES = ["cp", "workers-a", "workers-b"];

describe("every pair of nodes of a cluster can carry the overlay, including two nodes of one group", () => {
  const table: { label: string; profiles: string[]; options: Layout["options"]; requirement: string; protocol: string; port?: number }[] = [
    { label: "Calico IP-in-IP", profiles: ["kubernetes"], options: { cni: "calico", calicoMode: "ipip" }, requirement: "calico-ipip", protocol: "ipip" },
    { label: "Calico IP-in-IP needs BGP", profiles: ["kubernetes"], options: { cni: "calico", calicoMode: "ipip" }, requirement: "calico-bgp", protocol: "tcp", port: 179 },
    { label: "Calico VXLAN", profiles: ["kubernetes"], options: { cni: "calico", calicoMode: "vxlan" }, requirement: "calico-vxlan", protocol: "udp", port: 4789 },
    { label: "Calico WireGuard", profiles: ["kubernetes"], options: { cni: "calico", calicoMode: "vxlan", encryption: "wireguard" }, requirement: "calico-wireguard-ipv4", protocol: "udp", port: 51820 },
    { label: "Calico Typha", profiles: ["kubernetes"], options: { cni: "calico", calicoTypha: true }, requirement: "calico-typha", protocol: "tcp", port: 5473 },
    { label: "Flannel VXLAN", profiles: ["kubernetes"], options: { cni: "flannel" }, requirement: "flannel-vxlan", protocol: "udp", port: 8472 },
    { label: "Flannel WireGuard", profiles: ["kubernetes"], options: { cni: "flannel", encryption: "wireguard", ipv6: true }, requirement: "flannel-wireguard-ipv6", protocol: "udp", port: 51821 },
    { label: "Canal", profiles: ["kubernetes"], options: { cni: "canal" }, requirement: "canal-vxlan", protocol: "udp", port: 8472 },
    { label: "Cilium VXLAN", profiles: ["kubernetes"], options: { cni: "cilium", ciliumTunnel: "vxlan" }, requirement: "cilium-vxlan", protocol: "udp", port: 8472 },
    { label: "Cilium Geneve", profiles: ["kubernetes"], options: { cni: "cilium", ciliumTunnel: "geneve" }, requirement: "cilium-geneve", protocol: "udp", port: 6081 },
    { label: "Cilium health", profiles: ["kubernetes"], options: { cni: "cilium" }, requirement: "cilium-health", protocol: "tcp", port: 4240 },
    { label: "Cilium IPsec", profiles: ["kubernetes"], options: { cni: "cilium", encryption: "ipsec" }, requirement: "cilium-ipsec", protocol: "esp" },
    { label: "Weave", profiles: ["kubernetes"], options: { cni: "weave" }, requirement: "weave-data", protocol: "udp", port: 6783 },
  ];
  it.each(table.map((row) => [row.label, row] as const))("%s", (_label, row) => {
    const flows = flowsOf({ profiles: row.profiles, options: row.options, groups: kubeadmGroups });
    expect(pairs(flows, row.requirement)).toEqual(everyPair(NODES));
    const one = flows.find((f) => f.requirement === row.requirement)!;
    expect(one.protocol).toBe(row.protocol);
    expect(one.ports?.from).toBe(row.port);
    expect(one.source).toMatch(/^https:\/\/|^004_/);
    expect(one.sourceRow).toBeTruthy();
  });

  it("external etcd members are not nodes: no overlay or kubelet to them, but etcd traffic", () => {
    const flows = flowsOf({ profiles: ["kubernetes"], options: { cni: "flannel" }, groups: kubeadmGroups });
    expect(flows.filter((f) => f.to === "etcd").map((f) => f.requirement).sort()).toEqual(["etcd-client", "etcd-peer"]);
  });

  it("in a one-group cluster the overlay is the group with itself", () => {
    const flows = flowsOf({ profiles: ["apinizer"], groups: { all: { roles: ["controlPlane", "worker"] } } });
    expect(pairs(flows, "flannel-vxlan")).toEqual(["all->all"]);
  });

  it("RKE2's Flannel uses UDP 4789 (its installer's port); Flannel elsewhere uses the kernel's 8472", () => {
    const rke2 = flowsOf({ profiles: ["rke2"], options: { cni: "flannel" }, groups: { servers: { roles: ["controlPlane"] }, agents: { roles: ["worker"] } } });
    expect(new Set(rke2.filter((f) => f.requirement === "flannel-vxlan").map((f) => f.ports?.from))).toEqual(new Set([4789]));
    const k3s = flowsOf({ profiles: ["k3s"], groups: { servers: { roles: ["controlPlane"] }, agents: { roles: ["worker"] } } });
    expect(new Set(k3s.filter((f) => f.requirement === "flannel-vxlan").map((f) => f.ports?.from))).toEqual(new Set([8472]));
  });

  it("the overlay stays inside each cluster (DCE's global and worker clusters)", () => {
    const flows = flowsOf({
      profiles: ["dce5"],
      clusters: { global: { kind: "global" }, prod: { kind: "worker" } },
      groups: {
        bootstrap: { roles: ["bootstrap"] },
        "g-masters": { roles: ["controlPlane"], cluster: "global" },
        "g-workers": { roles: ["worker"], cluster: "global" },
        "p-masters": { roles: ["controlPlane"], cluster: "prod" },
        "p-workers": { roles: ["worker"], cluster: "prod" },
      },
    });
    expect(pairs(flows, "calico-vxlan")).toEqual([...everyPair(["g-masters", "g-workers"]), ...everyPair(["p-masters", "p-workers"])].sort());
    expect(flows.some((f) => f.to === "bootstrap" || (f.from.kind === "group" && f.from.group === "bootstrap"))).toBe(false);
  });
});

describe("the control plane reaches every kubelet, and every node reaches the API server", () => {
  const table: { label: string; profiles: string[]; options?: Layout["options"]; clusters?: Layout["clusters"]; groups: Groups; kubelet: string[]; api: string[]; extra?: [string, string[]][] }[] = [
    {
      label: "kubeadm (kubernetes)", profiles: ["kubernetes"], groups: kubeadmGroups,
      kubelet: NODES.map((n) => `cp->${n}`), api: NODES.map((n) => `${n}->cp`),
    },
    {
      label: "KubeKey (super-kubenetes)", profiles: ["super-kubenetes"], groups: { masters: { roles: ["controlPlane", "etcd"] }, workers: { roles: ["worker"] } },
      kubelet: ["masters->masters", "masters->workers"], api: ["masters->masters", "workers->masters"],
    },
    {
      label: "Kubean (dce5)", profiles: ["dce5"], groups: { masters: { roles: ["controlPlane"] }, workers: { roles: ["worker"] } },
      kubelet: ["masters->masters", "masters->workers"], api: ["masters->masters", "workers->masters"],
    },
    {
      label: "RKE1 node roles (Rancher downstream node pools)", profiles: ["rancher"], options: { downstream: "nodePools" },
      clusters: { local: { kind: "rancher" }, prod: { kind: "downstream" } },
      groups: { rancher: { roles: ["rancherServer"], cluster: "local" }, etcd: { roles: ["etcd"], cluster: "prod" }, cp: { roles: ["controlPlane"], cluster: "prod" }, w: { roles: ["worker"], cluster: "prod" } },
      kubelet: ["cp->cp", "cp->etcd", "cp->w", "rancher->rancher"], api: ["cp->cp", "etcd->cp", "w->cp"],
      extra: [["etcd-client", ["cp->etcd"]], ["etcd-peer", ["etcd->etcd"]]],
    },
    {
      label: "RKE2 (kubelet between all nodes, supervisor from all nodes)", profiles: ["rke2"], groups: { servers: { roles: ["controlPlane"] }, agents: { roles: ["worker"] } },
      kubelet: everyPair(["agents", "servers"]), api: ["agents->servers", "servers->servers"],
      extra: [["supervisor", ["agents->servers", "servers->servers"]], ["etcd-peer", ["servers->servers"]], ["etcd-client", ["servers->servers"]]],
    },
    {
      label: "K3s with HA embedded etcd", profiles: ["k3s"], options: { ha: true }, groups: { servers: { roles: ["controlPlane"] }, agents: { roles: ["worker"] } },
      kubelet: everyPair(["agents", "servers"]), api: [],
      extra: [["supervisor-api", ["agents->servers", "servers->servers"]], ["etcd", ["servers->servers"]]],
    },
  ];
  it.each(table.map((row) => [row.label, row] as const))("%s", (_label, row) => {
    const flows = flowsOf({ profiles: row.profiles, options: row.options ?? {}, ...(row.clusters ? { clusters: row.clusters } : {}), groups: row.groups });
    expect(pairs(flows, "kubelet")).toEqual([...row.kubelet].sort());
    expect(pairs(flows, "apiserver")).toEqual([...row.api].sort());
    for (const [requirement, expected] of row.extra ?? []) expect(pairs(flows, requirement), requirement).toEqual([...expected].sort());
  });

  it("K3s without HA has no etcd between servers (it runs SQLite)", () => {
    const flows = flowsOf({ profiles: ["k3s"], groups: { servers: { roles: ["controlPlane"] } } });
    expect(pairs(flows, "etcd")).toEqual([]);
  });

  it("kubeadm etcd: the API servers reach etcd, and etcd members reach each other", () => {
    const flows = flowsOf({ profiles: ["kubernetes"], groups: kubeadmGroups });
    expect(pairs(flows, "etcd-client")).toEqual(["cp->etcd"]);
    expect(pairs(flows, "etcd-peer")).toEqual(["etcd->etcd"]);
  });
});

describe("a load balancer in front of the Rancher server reaches it on 80 and 443", () => {
  const groups: Groups = { servers: { roles: ["rancherServer"], cluster: "local" } };
  const base = { profiles: ["rancher"], clusters: { local: { kind: "rancher" } }, groups };
  it("with a rancherLoadBalancer peer", () => {
    const flows = flowsOf({ ...base, peers: { rancherLoadBalancer: ["10.0.1.0/24"] } });
    expect(pairs(flows, "rancher-lb-http")).toEqual(["peer:rancherLoadBalancer->servers"]);
    expect(pairs(flows, "rancher-lb-https")).toEqual(["peer:rancherLoadBalancer->servers"]);
  });
  it("not when no load balancer fronts Rancher, or the layout gives it no CIDRs", () => {
    expect(pairs(flowsOf({ ...base, options: { rancherBehindLoadBalancer: false }, peers: { rancherLoadBalancer: ["10.0.1.0/24"] } }), "rancher-lb-https")).toEqual([]);
    expect(pairs(flowsOf(base), "rancher-lb-https")).toEqual([]);
  });
  it("Rancher on RKE: every Rancher node has all RKE roles, so etcd, API and kubelet run between them", () => {
    const flows = flowsOf({ ...base, options: { rancherInstall: "rke" } });
    for (const requirement of ["etcd-peer", "etcd-client", "apiserver", "kubelet", "canal-vxlan"]) expect(pairs(flows, requirement), requirement).toEqual(["servers->servers"]);
  });
  it("Rancher as one Docker container has no cluster traffic", () => {
    expect(flowsOf({ ...base, options: { rancherInstall: "docker" } })).toEqual([]);
  });
});

describe("pod-addressed modes: rules keyed to nodes do not match pod sources, so the pod CIDR is required and admitted", () => {
  const groups: Groups = { cp: { roles: ["controlPlane", "etcd"] }, workers: { roles: ["worker"] } };
  it.each([
    ["Calico BGP", { cni: "calico", calicoMode: "bgp" }, "calico-pod-routing"],
    ["Cilium native routing", { cni: "cilium", ciliumTunnel: "native" }, "cilium-pod-routing"],
  ] as const)("%s needs layout.podCidr", (_label, options, requirement) => {
    expect(() => compile({ name: "pods", profiles: ["kubernetes"], options, groups })).toThrow(/layout\.podCidr: .*give the cluster's IPv4 pod CIDR/);
    const flows = flowsOf({ profiles: ["kubernetes"], options, groups, podCidr: "10.244.0.0/16" });
    expect(pairs(flows, requirement)).toEqual(["peer:pods->cp", "peer:pods->workers"]);
    expect(flows.find((f) => f.requirement === requirement)!.protocol).toBe("all");
  });

  it("Calico has no IPv6 IP-in-IP: with ipv6 the IPv6 pod CIDR is required, and only it is admitted", () => {
    const options = { cni: "calico", calicoMode: "ipip", ipv6: true } as const;
    try {
      compile({ name: "v6", profiles: ["kubernetes"], options, groups, podCidr: "10.244.0.0/16" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(KubeportsError);
      expect((error as KubeportsError).issues).toEqual([expect.objectContaining({ path: "layout.podCidr", message: expect.stringContaining("Calico has no IPv6 IP-in-IP") })]);
    }
    const flows = flowsOf({ profiles: ["kubernetes"], options, groups, podCidr: ["10.244.0.0/16", "fd00:10:244::/56"] });
    expect(flows.filter((f) => f.requirement === "calico-pod-routing-ipv6").map((f) => f.family)).toEqual(["ipv6", "ipv6"]);
  });

  it("refuses the whole internet as a pod CIDR", () => {
    expect(() => compile({ name: "w", profiles: ["kubernetes"], options: { cni: "calico", calicoMode: "bgp" }, groups, podCidr: "0.0.0.0/0" })).toThrow(/0\.0\.0\.0\/0 is every address/);
  });
});

describe("requiredFlows is deterministic", () => {
  it("gives the same flows in the same order whatever order the layout lists its groups", () => {
    const reversed = Object.fromEntries(Object.entries(kubeadmGroups).reverse());
    const a = flowsOf({ profiles: ["kubernetes", "calico"], options: { calicoTypha: true }, groups: kubeadmGroups });
    const b = flowsOf({ profiles: ["kubernetes", "calico"], options: { calicoTypha: true }, groups: reversed });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });
});

describe("the model reads like its sources", () => {
  const all = [...Object.values(CORE_REQUIREMENTS).flat(), ...OVERLAY_REQUIREMENTS, ...Object.values(BINDINGS).flat().flatMap((b) => b.extra ?? [])];
  it.each(all.map((r) => [`${r.id} (${r.source.document})`, r] as const))("%s cites an upstream page or seed with its row, and its ports parse", (_label, r) => {
    expect(r.source.document).toMatch(/^https:\/\/|^\d{3}_[0-9a-f]{16}\.txt$/);
    expect(r.source.row.length).toBeGreaterThan(10);
    if (r.ports !== undefined) expect(parsePortSpec(r.ports)).toHaveLength(1);
    expect(r.protocol === "tcp" || r.protocol === "udp" ? r.ports : undefined).toBe(r.ports);
  });
  it("binds every profile that describes machines, and no overlay profile", () => {
    for (const profile of CATALOG) {
      const hasNodeRoles = Object.values(profile.roles).some((role) => role.kubernetes);
      if (profile.id === "rancher-common-ports") continue; // opt-in addition to the rancher profile's clusters
      expect(profile.id in BINDINGS, profile.id).toBe(hasNodeRoles);
    }
  });
});
