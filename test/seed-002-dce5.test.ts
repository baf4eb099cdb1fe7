/**
 * Seed 002: DaoCloud DCE 5.0. Every table line is transcribed below with who talks to whom,
 * checked against the seed text, then against plans for a global management cluster and a
 * worker cluster. Calico and Cilium rows are mutually exclusive, so several layouts are used.
 */
import { describe, expect, it } from "vitest";
import { compile } from "../components/compiler/compile";
import type { Layout } from "../components/model/layout";
import type { LayoutOptions } from "../components/model/options";
import type { Plan } from "../components/model/plan";
import { findProfile } from "../components/profiles/catalog";
import {
  type DocRow, type End, type Expectation, cidr, expand, expectAllowed, expectEveryFlowCites, expectNotAllowed, group, readSeed,
} from "./seedTables";

const SEED = "002_11a7d37e648c88ee.txt";

type LayoutKey = "calicoIpipAll" | "calicoVxlanBare" | "cilium" | "ciliumGeneveNoHubble";
type Party =
  | "bootstrap node" | "registry" | "control plane" | "nodes" | "nodes of every cluster" | "global cluster nodes"
  | "nodes, if global" | "nodes, if worker" | "control plane, if worker"
  | "admin" | "apiClients" | "workloadClients" | "consoleUsers";

/** `line` is the seed's table line verbatim: protocol, port, description (and User). */
interface TableRow extends Omit<DocRow<Party, LayoutKey>, "label" | "protocol" | "ports"> {
  readonly line: string;
}

const CALICO_IPIP: LayoutKey[] = ["calicoIpipAll"];
const CILIUM: LayoutKey[] = ["cilium", "ciliumGeneveNoHubble"];
const METALLB: LayoutKey[] = ["calicoIpipAll", "cilium", "ciliumGeneveNoHubble"];
const ADDONS: LayoutKey[] = ["calicoIpipAll"];

const TABLE: readonly TableRow[] = [
  // Bootstrap Node
  { line: "TCP 443 Docker Registry", from: ["nodes of every cluster"], to: ["bootstrap node"] },
  { line: "TCP 8081 Chart Museum", from: ["nodes of every cluster"], to: ["bootstrap node"] },
  { line: "TCP 9000 Minio API", from: ["nodes of every cluster"], to: ["bootstrap node"] },
  { line: "TCP 9001 Minio UI", from: ["admin"], to: ["bootstrap node"] },
  // K8s Control Plane
  { line: "TCP 2379 etcd client port", from: ["control plane"], to: ["control plane"] },
  { line: "TCP 2380 etcd peer port", from: ["control plane"], to: ["control plane"] },
  { line: "TCP 2381 etcd metric port", from: ["nodes"], to: ["control plane"] },
  { line: "TCP 6443 kubernetes api", from: ["nodes", "apiClients"], to: ["control plane"] },
  { line: "TCP 10250 kubelet api", from: ["control plane"], to: ["control plane"] },
  { line: "TCP 10257 kube-scheduler", from: ["control plane"], to: ["control plane"] },
  { line: "TCP 10259 kube-controller-manager", from: ["control plane"], to: ["control plane"] },
  // All K8s Nodes
  { line: "TCP 22 ssh for ansible", from: ["bootstrap node", "admin"], to: ["nodes"] },
  { line: "TCP 9100 node exporter (Insight-Agent)", from: ["nodes"], to: ["nodes"] },
  { line: "TCP 10250 kubelet api", from: ["nodes"], to: ["nodes"] },
  { line: "TCP 30000-32767 kube nodePort range", from: ["nodes", "workloadClients"], to: ["nodes"] },
  // Calico (Default)
  { line: "TCP 179 Calico networking (BGP)", from: ["nodes"], to: ["nodes"], in: CALICO_IPIP },
  { line: "UDP 4789 Calico CNI with VXLAN enabled", from: ["nodes"], to: ["nodes"], in: ["calicoVxlanBare"] },
  { line: "TCP 5473 Calico CNI with Typha enabled", from: ["nodes"], to: ["nodes"], in: CALICO_IPIP },
  { line: "UDP 51820 Calico with IPv4 Wireguard enabled", from: ["nodes"], to: ["nodes"], in: CALICO_IPIP },
  { line: "UDP 51821 Calico with IPv6 Wireguard enabled", from: ["nodes"], to: ["nodes"], in: CALICO_IPIP },
  { line: "IPENCAP / IPIP - Calico CNI with IPIP enabled", from: ["nodes"], to: ["nodes"], in: CALICO_IPIP },
  // MetalLB (Default)
  { line: "TCP/UDP 7472 metallb metrics ports", from: ["nodes"], to: ["nodes"], in: METALLB },
  { line: "TCP/UDP 7946 metallb L2 operating mode", from: ["nodes"], to: ["nodes"], in: METALLB },
  // Cilium (Optional)
  { line: "TCP 4240 Cilium Health checks (cilium-health)", from: ["nodes"], to: ["nodes"], in: CILIUM },
  { line: "TCP 4244 Hubble server", from: ["nodes"], to: ["nodes"], in: ["cilium"] },
  { line: "TCP 4245 Hubble Relay", from: ["nodes"], to: ["nodes"], in: ["cilium"] },
  { line: "UDP 8472 VXLAN overlay", from: ["nodes"], to: ["nodes"], in: ["cilium"] },
  { line: "TCP 9962 Cilium-agent Prometheus metrics", from: ["nodes"], to: ["nodes"], in: CILIUM },
  { line: "TCP 9963 Cilium-operator Prometheus metrics", from: ["nodes"], to: ["nodes"], in: CILIUM },
  { line: "TCP 9964 Cilium-proxy Prometheus metrics", from: ["nodes"], to: ["nodes"], in: CILIUM },
  { line: "UDP 51871 WireGuard encryption tunnel endpoint", from: ["nodes"], to: ["nodes"], in: ["cilium"] },
  // Cilium's health checks ping: echo request (8) and reply (0), per Cilium's system requirements.
  { line: "ICMP - health checks", icmpTypes: [8, 0], from: ["nodes"], to: ["nodes"], in: CILIUM },
  // SpiderPool (Optional)
  { line: "TCP 5710 SpiderPool Agent HTTP Server", from: ["nodes"], to: ["nodes"], in: ADDONS },
  { line: "TCP 5711 SpiderPool Agent Metrics", from: ["nodes"], to: ["nodes"], in: ADDONS },
  { line: "TCP 5712 SpiderPool Agent gops enabled", from: ["nodes"], to: ["nodes"], in: ADDONS },
  { line: "TCP 5720 SpiderPool Controller HTTP Server", from: ["nodes"], to: ["nodes"], in: ADDONS },
  { line: "TCP 5721 SpiderPool Controller Metrics", from: ["nodes"], to: ["nodes"], in: ADDONS },
  { line: "TCP 5722 SpiderPool Controller Webhook Port", from: ["nodes"], to: ["nodes"], in: ADDONS },
  { line: "TCP 5723 Spiderpool-CLI HTTP server port.", from: ["nodes"], to: ["nodes"], in: ADDONS },
  { line: "TCP 5724 SpiderPool Controller gops enabled", from: ["nodes"], to: ["nodes"], in: ADDONS },
  // KubeVIP (Optional): on all Control Plane nodes
  { line: "TCP 2112 kube-vip metrics ports", from: ["nodes"], to: ["control plane"], in: ADDONS },
  // Global Management Cluster: Istio-Gateway VIP, Insight VIP
  { line: "TCP 80 Istio-Gateway HTTP Web Browser or API Client", from: ["consoleUsers"], to: ["nodes, if global"], in: ADDONS },
  { line: "TCP 443 Istio-Gateway HTTPS Web Browser or API Client", from: ["consoleUsers"], to: ["nodes, if global"], in: ADDONS },
  { line: "TCP 8480 Insight VIP for Metrics All Nodes", from: ["nodes of every cluster"], to: ["nodes, if global"], in: ADDONS },
  { line: "TCP 9200 Insight VIP for Log All Nodes", from: ["nodes of every cluster"], to: ["nodes, if global"], in: ADDONS },
  { line: "TCP 4317 Insight VIP for Trace All Nodes", from: ["nodes of every cluster"], to: ["nodes, if global"], in: ADDONS },
  { line: "TCP 8006 Insight VIP for AduitLog All Nodes", from: ["nodes of every cluster"], to: ["nodes, if global"], in: ADDONS },
  // Worker Cluster
  { line: "TCP 22 SSH on each node (for ansible) Global Management Cluster", from: ["global cluster nodes"], to: ["nodes, if worker"] },
  { line: "TCP 6443 K8s API access entry (such as VIP) Global Management Cluster", from: ["global cluster nodes"], to: ["control plane, if worker"] },
  // Other Products: Container Registry
  { line: "TCP 443 Port for access entry (such as VIP) All Nodes", from: ["nodes of every cluster"], to: ["registry"] },
];

/** Table lines in the seed: protocol, port (or "-"), the rest. */
const LINE = /^(TCP\/UDP|TCP|UDP|ICMP|IPENCAP \/ IPIP) (\d+(?:-\d+)?|-) (.+)$/;

function asDocRow(row: TableRow): DocRow<Party, LayoutKey> {
  const match = LINE.exec(row.line);
  if (!match) throw new Error(`test table: "${row.line}" is not a table line`);
  return { ...row, label: row.line, protocol: match[1]!, ports: match[2]! };
}
const DOC_ROWS = TABLE.map(asDocRow);

const CLUSTERS = {
  gm: { kind: "global", controlPlane: "gm-masters", workers: "gm-workers" },
  w1: { kind: "worker", controlPlane: "w1-masters", workers: "w1-workers" },
} as const;
type ClusterName = keyof typeof CLUSTERS;

const PEERS = {
  admin: "192.168.10.0/24",
  apiClients: "10.20.0.0/16",
  workloadClients: "10.30.0.0/16",
  consoleUsers: "10.40.0.0/16",
};

/** Parties as seen from one cluster: "nodes" are that cluster's nodes. */
function parties(name: ClusterName): Record<Party, readonly End[]> {
  const here = CLUSTERS[name];
  const nodesOf = (c: (typeof CLUSTERS)[ClusterName]) => [group(c.controlPlane), group(c.workers)];
  return {
    "bootstrap node": [group("bootstrap")],
    registry: [group("registry")],
    "control plane": [group(here.controlPlane)],
    nodes: nodesOf(here),
    "nodes of every cluster": [...nodesOf(CLUSTERS.gm), ...nodesOf(CLUSTERS.w1)],
    "global cluster nodes": nodesOf(CLUSTERS.gm),
    "nodes, if global": here.kind === "global" ? nodesOf(here) : [],
    "nodes, if worker": here.kind === "worker" ? nodesOf(here) : [],
    "control plane, if worker": here.kind === "worker" ? [group(here.controlPlane)] : [],
    admin: [cidr(PEERS.admin)],
    apiClients: [cidr(PEERS.apiClients)],
    workloadClients: [cidr(PEERS.workloadClients)],
    consoleUsers: [cidr(PEERS.consoleUsers)],
  };
}

const ADDONS_ON: Partial<LayoutOptions> = { spiderpool: true, kubeVip: true, istioGateway: true, insight: true };

const OPTIONS: Record<LayoutKey, Partial<LayoutOptions>> = {
  calicoIpipAll: { calicoMode: "ipip", calicoTypha: true, encryption: "wireguard", ipv6: true, ...ADDONS_ON },
  calicoVxlanBare: { calicoMode: "vxlan", metallb: false },
  cilium: { cni: "cilium", encryption: "wireguard" },
  ciliumGeneveNoHubble: { cni: "cilium", ciliumTunnel: "geneve", hubble: false },
};

const DISAGREEMENTS: Record<LayoutKey, readonly string[]> = {
  calicoIpipAll: ["ipip-name", "nodeport-udp", "scheduler-controller-manager-ports"],
  calicoVxlanBare: ["nodeport-udp", "scheduler-controller-manager-ports"],
  cilium: ["nodeport-udp", "scheduler-controller-manager-ports"],
  ciliumGeneveNoHubble: ["nodeport-udp", "scheduler-controller-manager-ports"],
};

function layout(key: LayoutKey): Layout {
  return {
    name: `dce5-${key}`,
    completeness: "warn", podCidr: ["10.244.0.0/16", "fd00:10:244::/56"], // the vendor table as written: the model only reports
    profiles: ["dce5"],
    options: OPTIONS[key],
    clusters: { gm: { kind: "global" }, w1: { kind: "worker" } },
    groups: {
      bootstrap: { roles: ["bootstrap"] },
      registry: { roles: ["registry"] },
      "gm-masters": { roles: ["controlPlane"], cluster: "gm" },
      "gm-workers": { roles: ["worker"], cluster: "gm" },
      "w1-masters": { roles: ["controlPlane"], cluster: "w1" },
      "w1-workers": { roles: ["worker"], cluster: "w1" },
    },
    peers: Object.fromEntries(Object.entries(PEERS).map(([name, text]) => [name, [text]])),
  };
}

const LAYOUTS = Object.keys(OPTIONS) as LayoutKey[];
const plans = Object.fromEntries(LAYOUTS.map((key) => [key, compile(layout(key))])) as Record<LayoutKey, Plan>;
const CLUSTER_NAMES = Object.keys(CLUSTERS) as ClusterName[];

function expectations(row: DocRow<Party, LayoutKey>): Expectation[] {
  return CLUSTER_NAMES.flatMap((name) => expand(row, parties(name)));
}

describe("seed 002: the document", () => {
  it("every table line of the page is transcribed here, in order", () => {
    const lines = readSeed(SEED).split("\n").map((line) => line.trim()).filter((line) => LINE.test(line));
    expect(lines).toEqual(TABLE.map((row) => row.line));
  });

  it("the profile transcribes this seed", () => {
    expect(findProfile("dce5")?.document).toBe(SEED);
  });
});

describe.each(LAYOUTS)("seed 002 rows in layout %s", (key) => {
  const plan = plans[key];

  it.each(DOC_ROWS.filter((row) => !row.in || row.in.includes(key)).map((row) => [row.label, row]))(
    "%s is allowed",
    (_label, row) => {
      for (const e of expectations(row)) expectAllowed(plan, e, SEED);
    },
  );

  const off = DOC_ROWS.filter((row) => row.in && !row.in.includes(key));
  if (off.length > 0) {
    it.each(off.map((row) => [row.label, row]))("%s is not opened (its option is off)", (_label, row) => {
      for (const e of expectations(row)) expectNotAllowed(plan, e);
    });
  }

  it("every flow cites the seed", () => {
    expectEveryFlowCites(plan, SEED);
  });

  it("carries the disagreements of the rows it applies", () => {
    expect(plan.disagreements.map((d) => d.id).sort()).toEqual([...DISAGREEMENTS[key]].sort());
  });
});

describe("seed 002: cluster scopes and fidelity", () => {
  const plan = plans.calicoIpipAll;
  const tcp = (port: number, from: string, to: string): Expectation => ({
    label: `TCP ${port}`, protocol: "tcp", ports: { from: port, to: port }, from: group(from), to: group(to),
  });

  it("each cluster's etcd and control plane ports stay inside it", () => {
    for (const port of [2379, 2380, 10257, 10259]) {
      expectNotAllowed(plan, tcp(port, "gm-masters", "w1-masters"));
      expectNotAllowed(plan, tcp(port, "w1-masters", "gm-masters"));
    }
  });

  it("only the global cluster reaches worker clusters on 22 and 6443, not the reverse", () => {
    expectNotAllowed(plan, tcp(22, "w1-workers", "gm-workers"));
    expectNotAllowed(plan, tcp(6443, "w1-workers", "gm-masters"));
    expectNotAllowed(plan, tcp(22, "gm-workers", "gm-masters"));
  });

  it("Insight and the Istio gateway live on the global cluster only", () => {
    expectNotAllowed(plan, tcp(8480, "gm-workers", "w1-workers"));
    const w1Ingress = plan.groups.filter((g) => g.cluster === "w1").flatMap((g) => g.ingress);
    expect(w1Ingress.filter((f) => f.peer.kind === "cidr" && f.peer.cidr === PEERS.consoleUsers)).toEqual([]);
  });

  it("keeps the vendor's labels on 10257 and 10259 and says Kubernetes disagrees", () => {
    const ingress = plan.groups.find((g) => g.name === "gm-masters")!.ingress;
    const labels = (port: number) =>
      ingress.filter((f) => f.ports?.from === port && f.ports.to === port).flatMap((f) => f.reasons.map((r) => r.description));
    expect(labels(10257)).toContain("kube-scheduler");
    expect(labels(10259)).toContain("kube-controller-manager");
    const disagreement = plan.disagreements.find((d) => d.id === "scheduler-controller-manager-ports");
    expect(disagreement?.otherSource).toContain("kubernetes.io");
  });

  it("opens IP protocol 4 for IPENCAP / IPIP, never 94", () => {
    const protocols = LAYOUTS.flatMap((key) => plans[key].groups.flatMap((g) => g.ingress.map((f) => f.protocol)));
    expect(protocols).toContain("ipip");
    expect(protocols).not.toContain("ipip94");
  });

  it("opens nothing to the world", () => {
    for (const key of LAYOUTS) expect(plans[key].warnings.filter((w) => w.code.startsWith("world-open"))).toEqual([]);
  });

  it("every disagreement the profile records shows up in some layout", () => {
    const seen = new Set(LAYOUTS.flatMap((key) => plans[key].disagreements.map((d) => d.id)));
    expect([...seen].sort()).toEqual(findProfile("dce5")!.disagreements.map((d) => d.id).sort());
  });
});
