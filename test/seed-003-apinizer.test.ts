/**
 * Seed 003: Apinizer on Kubernetes 1.31 with Flannel. The page's host list, directional
 * tables, HA VIP, Apinizer ports and summary are transcribed below, checked against the seed
 * text, then against plans for a single-master and an HA layout.
 */
import { describe, expect, it } from "vitest";
import { compile } from "../components/compiler/compile";
import type { Layout } from "../components/model/layout";
import type { LayoutOptions } from "../components/model/options";
import type { Plan } from "../components/model/plan";
import { findProfile } from "../components/profiles/catalog";
import {
  type DocRow, type End, type Expectation, cidr, docPorts, expand, expectAllowed, expectEveryFlowCites, expectNotAllowed, group, host,
  readSeed,
} from "./seedTables";

const SEED = "003_28c0748e70da3eff.txt";
const TEXT = readSeed(SEED);

type LayoutKey = "single" | "haWireguard" | "calico";
type Row = DocRow<string, LayoutKey>;

const PEERS = { admin: "192.168.10.0/24", workloadClients: "10.30.0.0/16", loadBalancer: "10.0.0.10/32" };

const HOSTS = ["archive.ubuntu.com", "cdn.redhat.com", "*.docker.com", "*.docker.io", "*.k8s.io", "*.amazonaws.com", "*.mongodb.org", "artifacts.elastic.co"];

const PARTIES: Record<string, readonly End[]> = {
  "every server": [group("masters"), group("workers"), group("mongo"), group("elastic")],
  "kubernetes nodes": [group("masters"), group("workers")],
  masters: [group("masters")],
  workers: [group("workers")],
  "mongodb servers": [group("mongo")],
  "elasticsearch servers": [group("elastic")],
  "load balancer VIP": [cidr(PEERS.loadBalancer)],
  admin: [cidr(PEERS.admin)],
  workloadClients: [cidr(PEERS.workloadClients)],
  ...Object.fromEntries(HOSTS.map((name) => [name, [host(name)]])),
};

/**
 * Internet Access Requirements: the page names hosts, not ports. Who needs them: the servers
 * that install that software. Ports: HTTPS 443, and HTTP 80 for Ubuntu's default apt mirror.
 */
const INTERNET: readonly (Row & { bullet: string })[] = [
  { bullet: "archive.ubuntu.com / cdn.redhat.com", label: "OS packages (HTTPS)", protocol: "TCP", ports: "443", from: ["every server"], to: ["archive.ubuntu.com", "cdn.redhat.com"] },
  { bullet: "archive.ubuntu.com / cdn.redhat.com", label: "apt mirror (HTTP)", protocol: "TCP", ports: "80", from: ["every server"], to: ["archive.ubuntu.com"] },
  { bullet: "*.docker.com", label: "*.docker.com", protocol: "TCP", ports: "443", from: ["kubernetes nodes"], to: ["*.docker.com"] },
  { bullet: "*.docker.io", label: "*.docker.io", protocol: "TCP", ports: "443", from: ["kubernetes nodes"], to: ["*.docker.io"] },
  { bullet: "*.k8s.io", label: "*.k8s.io", protocol: "TCP", ports: "443", from: ["kubernetes nodes"], to: ["*.k8s.io"] },
  {
    bullet: "*.amazonaws.com (please refer to Kubernetes documentation for the reason for this access)",
    label: "*.amazonaws.com", protocol: "TCP", ports: "443", from: ["kubernetes nodes"], to: ["*.amazonaws.com"],
  },
  { bullet: "*.mongodb.org", label: "*.mongodb.org", protocol: "TCP", ports: "443", from: ["mongodb servers"], to: ["*.mongodb.org"] },
  { bullet: "artifacts.elastic.co", label: "artifacts.elastic.co", protocol: "TCP", ports: "443", from: ["elasticsearch servers"], to: ["artifacts.elastic.co"] },
];

const FLANNEL: LayoutKey[] = ["single", "haWireguard"];

/** The three directional tables: Port, Protocol, Description, Required, as printed. */
interface TableRow extends Omit<Row, "label"> {
  readonly table: string;
  readonly description: string;
  readonly required?: string;
}

const W2M = "Worker Node → Master Node Port Permissions";
const M2W = "Master Node → Worker Node Port Permissions";
const M2M = "Master Node ↔ Master Node Port Permissions";

const TABLES: readonly TableRow[] = [
  { table: W2M, ports: "6443", protocol: "HTTPS", description: "Kubernetes API Server", from: ["workers"], to: ["masters"] },
  { table: W2M, ports: "10250", protocol: "HTTPS", description: "Kubelet API", from: ["workers"], to: ["masters"] },
  { table: W2M, ports: "10259", protocol: "HTTPS", description: "Kube-scheduler", from: ["workers"], to: ["masters"] },
  { table: W2M, ports: "10257", protocol: "HTTPS", description: "Kube-controller-manager", from: ["workers"], to: ["masters"] },
  { table: W2M, ports: "2379-2380", protocol: "TCP", description: "etcd client/server", from: ["workers"], to: ["masters"] },
  { table: W2M, ports: "8472", protocol: "UDP", description: "Flannel VXLAN", from: ["workers"], to: ["masters"], in: FLANNEL },
  {
    table: W2M, ports: "51820/51821", protocol: "UDP", description: "Flannel Wireguard", required: "⚠️",
    from: ["workers"], to: ["masters"], in: ["haWireguard"],
  },
  { table: M2W, ports: "10250", protocol: "HTTPS", description: "Kubelet API", from: ["masters"], to: ["workers"] },
  { table: M2W, ports: "30000-32767", protocol: "TCP/UDP", description: "NodePort Services", from: ["masters"], to: ["workers"] },
  { table: M2W, ports: "8472", protocol: "UDP", description: "Flannel VXLAN", from: ["masters"], to: ["workers"], in: FLANNEL },
  {
    table: M2W, ports: "51820/51821", protocol: "UDP", description: "Flannel Wireguard", required: "⚠️",
    from: ["masters"], to: ["workers"], in: ["haWireguard"],
  },
  { table: M2M, ports: "6443", protocol: "HTTPS", description: "Kubernetes API Server", from: ["masters"], to: ["masters"] },
  { table: M2M, ports: "2379-2380", protocol: "TCP", description: "etcd client/server", from: ["masters"], to: ["masters"] },
  { table: M2M, ports: "10250", protocol: "HTTPS", description: "Kubelet API", from: ["masters"], to: ["masters"] },
  { table: M2M, ports: "10259", protocol: "HTTPS", description: "Kube-scheduler", from: ["masters"], to: ["masters"] },
  { table: M2M, ports: "10257", protocol: "HTTPS", description: "Kube-controller-manager", from: ["masters"], to: ["masters"] },
  { table: M2M, ports: "8472", protocol: "UDP", description: "Flannel VXLAN", from: ["masters"], to: ["masters"], in: FLANNEL },
];

/** Kubernetes High Availability (HA) Cluster: the VIP in both directions. */
const HA: readonly Row[] = [
  { label: "VIP → Master Node 1/2/3:6443", protocol: "TCP", ports: "6443", from: ["load balancer VIP"], to: ["masters"], in: ["haWireguard"] },
  {
    label: "Master and Worker servers access the VIP over port 6443", protocol: "TCP", ports: "6443",
    from: ["kubernetes nodes"], to: ["load balancer VIP"], in: ["haWireguard"],
  },
];

/** Apinizer Port Requirements: Port / Protocol / Description blocks, plus who uses them. */
const APINIZER: readonly (Row & { block: string })[] = [
  { block: "32080|HTTP|Apinizer Manager access", label: "Manager 32080", protocol: "HTTP", ports: "32080", from: ["admin"], to: ["workers"] },
  {
    block: "30080 or 30090|HTTP|Apinizer Worker (API Gateway) access", label: "Worker 30080", protocol: "HTTP", ports: "30080",
    from: ["workloadClients"], to: ["workers"], in: ["single", "calico"],
  },
  {
    block: "30080 or 30090|HTTP|Apinizer Worker (API Gateway) access", label: "Worker 30090", protocol: "HTTP", ports: "30090",
    from: ["workloadClients"], to: ["workers"], in: ["haWireguard"],
  },
  {
    block: "27017|TCP|MongoDB access (inter-node communication for Replica Set)", label: "MongoDB 27017", protocol: "TCP", ports: "27017",
    from: ["mongodb servers", "workers"], to: ["mongodb servers"],
  },
  { block: "9200|HTTP|Elasticsearch HTTP API access", label: "Elasticsearch HTTP 9200", protocol: "HTTP", ports: "9200", from: ["workers"], to: ["elasticsearch servers"] },
  { block: "9300|TCP|Elasticsearch cluster communication", label: "Elasticsearch transport 9300", protocol: "TCP", ports: "9300", from: ["elasticsearch servers"], to: ["elasticsearch servers"] },
];

const DOC_ROWS: readonly Row[] = [
  ...INTERNET,
  ...TABLES.map((row) => ({ ...row, label: `${row.table}: ${row.ports} ${row.protocol} ${row.description}` })),
  ...HA,
  ...APINIZER,
];

const OPTIONS: Record<LayoutKey, Partial<LayoutOptions>> = {
  single: {},
  haWireguard: { ha: true, encryption: "wireguard", apinizerWorkerPort: 30090 },
  calico: { cni: "calico" },
};

const DISAGREEMENTS: Record<LayoutKey, readonly string[]> = {
  single: ["control-plane-clients", "vxlan-port", "worker-to-worker"],
  haWireguard: ["control-plane-clients", "flannel-wireguard-ports", "vxlan-port", "wireguard-between-masters", "worker-to-worker"],
  calico: ["control-plane-clients"],
};

function layout(key: LayoutKey): Layout {
  return {
    name: `apinizer-${key}`,
    completeness: "warn", podCidr: ["10.244.0.0/16", "fd00:10:244::/56"], // the vendor table as written: the model only reports
    profiles: ["apinizer"],
    options: OPTIONS[key],
    groups: {
      masters: { roles: ["controlPlane"] },
      workers: { roles: ["worker"] },
      mongo: { roles: ["mongodb"] },
      elastic: { roles: ["elasticsearch"] },
    },
    peers: Object.fromEntries(Object.entries(PEERS).map(([name, text]) => [name, [text]])),
  };
}

const LAYOUTS = Object.keys(OPTIONS) as LayoutKey[];
const plans = Object.fromEntries(LAYOUTS.map((key) => [key, compile(layout(key))])) as Record<LayoutKey, Plan>;

/** The text between two headings of the seed. */
function section(from: string, to: string): string {
  const start = TEXT.indexOf(from);
  const end = TEXT.indexOf(to, start + from.length);
  if (start < 0 || end < 0) throw new Error(`seed 003 has no section "${from}" .. "${to}"`);
  return TEXT.slice(start + from.length, end);
}

const bullets = (text: string) => [...text.matchAll(/^\s*•\s*(.+)$/gm)].map((m) => m[1]!.trim());

describe("seed 003: the document", () => {
  it("the host list is transcribed here", () => {
    const listed = bullets(section("Internet Access Requirements", "Kubernetes Cluster Port Requirements"));
    expect(listed).toEqual([...new Set(INTERNET.map((row) => row.bullet))]);
  });

  it("every line of the three directional tables is transcribed here, in order", () => {
    const lines = (heading: string, next: string) =>
      section(heading, next).split("\n").map((line) => line.trim()).filter((line) => /^\d[\d/-]*(HTTPS|TCP\/UDP|TCP|UDP)/.test(line));
    const printed = [
      ...lines(W2M, M2W).map((line) => `${W2M}|${line}`),
      ...lines(M2W, M2M).map((line) => `${M2W}|${line}`),
      ...lines(M2M, "Note: All default ports").map((line) => `${M2M}|${line}`),
    ];
    expect(printed).toEqual(TABLES.map((r) => `${r.table}|${r.ports}${r.protocol}${r.description}${r.required ?? ""}`));
  });

  it("the HA VIP routes to the masters' 6443", () => {
    expect(section("Load Balancer VIP\n", "HAProxy Example").match(/VIP → Master Node \d:6443/g)).toHaveLength(3);
    expect(TEXT).toContain("access the Load Balancer’s VIP over port 6443");
  });

  it("every Apinizer port block is transcribed here", () => {
    const blocks = [...section("Apinizer Port Requirements", "Special Cases").matchAll(/Port: (.+)\nProtocol: (.+)\nDescription: (.+)/g)];
    expect(blocks.map((m) => `${m[1]}|${m[2]}|${m[3]}`)).toEqual([...new Set(APINIZER.map((row) => row.block))]);
  });

  it("the profile transcribes this seed", () => {
    expect(findProfile("apinizer")?.document).toBe(SEED);
  });
});

describe.each(LAYOUTS)("seed 003 rows in layout %s", (key) => {
  const plan = plans[key];

  it.each(DOC_ROWS.filter((row) => !row.in || row.in.includes(key)).map((row) => [row.label, row]))(
    "%s is allowed",
    (_label, row) => {
      for (const e of expand(row, PARTIES)) expectAllowed(plan, e, SEED);
    },
  );

  const off = DOC_ROWS.filter((row) => row.in && !row.in.includes(key));
  if (off.length > 0) {
    it.each(off.map((row) => [row.label, row]))("%s is not opened (its option is off)", (_label, row) => {
      for (const e of expand(row, PARTIES)) expectNotAllowed(plan, e);
    });
  }

  it("every flow cites the seed", () => {
    expectEveryFlowCites(plan, SEED);
  });

  it("carries the disagreements of the rows it applies", () => {
    expect(plan.disagreements.map((d) => d.id).sort()).toEqual([...DISAGREEMENTS[key]].sort());
  });

  it("opens nothing to the world", () => {
    expect(plan.warnings.filter((w) => w.code.startsWith("world-open"))).toEqual([]);
  });
});

describe("seed 003: summary and omissions", () => {
  it("every port of the Port Requirements Summary is opened in some layout", () => {
    const summary = bullets(section("Port Requirements Summary", "Next Steps"));
    expect(summary).toHaveLength(11);
    const ingress = LAYOUTS.flatMap((key) => plans[key].groups.flatMap((g) => g.ingress));
    for (const entry of summary) {
      const ports = /^([\d/]+):/.exec(entry)?.[1];
      expect(ports, `summary entry "${entry}"`).toBeDefined();
      for (const range of docPorts(ports!)) {
        const covering = ingress.filter((f) => f.ports && f.ports.from <= range.from && range.to <= f.ports.to);
        expect(covering.length, `summary "${entry}": port ${range.from}`).toBeGreaterThan(0);
        expect(covering.some((f) => f.reasons.some((r) => r.document === SEED))).toBe(true);
      }
    }
  });

  it("keeps the page's omission of worker-to-worker traffic, and says so", () => {
    const e: Expectation = { label: "Flannel VXLAN between workers", protocol: "udp", ports: { from: 8472, to: 8472 }, from: group("workers"), to: group("workers") };
    expectNotAllowed(plans.single, e);
    expect(plans.single.disagreements.map((d) => d.id)).toContain("worker-to-worker");
  });

  it("hosts are outbound only, and noted as needing FQDN-capable firewalls", () => {
    const plan = plans.single;
    expect(plan.groups.flatMap((g) => g.ingress).filter((f) => f.peer.kind === "host")).toEqual([]);
    expect(plan.notes.filter((n) => n.code === "egress-hosts").length).toBeGreaterThan(0);
  });

  it("every disagreement the profile records shows up in some layout", () => {
    const seen = new Set(LAYOUTS.flatMap((key) => plans[key].disagreements.map((d) => d.id)));
    expect([...seen].sort()).toEqual(findProfile("apinizer")!.disagreements.map((d) => d.id).sort());
  });
});
