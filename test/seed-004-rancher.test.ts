/**
 * Seed 004 (Rancher port requirements), table by table. The expected rows below are
 * transcribed from the seed text and from reference/port-sources.md (the downstream
 * shortcode matrices and the rancher-nodes driver code), not from the profile files, and are
 * compared with the compiled plan.
 */
import { describe, expect, it } from "vitest";
import { compile } from "../components/compiler/compile";
import type { Flow, Plan, PlanGroup } from "../components/model/plan";
import { compactPortRanges, formatPortRange, parsePortSpec } from "../components/model/ports";
import { readSeed } from "./seedTables";

const SEED = "004_4e84222665e307a4.txt";
const DRIVER = "https://github.com/rancher/machine/blob/master/drivers/amazonec2/amazonec2.go";

// ---------------------------------------------------------------------------------------
// Helpers: a group's flows as "protocol ports peer" lines, and expectations in the same form.

function group(plan: Plan, name: string): PlanGroup {
  const found = plan.groups.find((g) => g.name === name);
  if (!found) throw new Error(`no group ${name} in plan`);
  return found;
}

function peerName(flow: Flow): string {
  if (flow.peer.kind === "group") return flow.peer.group;
  if (flow.peer.kind === "cidr") return flow.peer.cidr;
  return flow.peer.host;
}

function flowLine(flow: Flow): string {
  const what = flow.ports ? formatPortRange(flow.ports) : flow.icmp ? `type-${flow.icmp.type}` : "-";
  return `${flow.protocol} ${what} ${peerName(flow)}`;
}

function lines(plan: Plan, name: string, direction: "ingress" | "egress"): string[] {
  return group(plan, name)[direction].map(flowLine).sort();
}

/** One documented row as the test reads it: protocols, ports (or none) and the peers at the other end. */
interface Expect {
  readonly protocols: readonly string[];
  readonly ports?: string | readonly string[];
  readonly peers: readonly string[];
}

/** Expected rows as merged lines: same (protocol, peer) ports are compacted as the plan does. */
function expected(rows: readonly Expect[]): string[] {
  const byKey = new Map<string, { protocol: string; peer: string; ranges: ReturnType<typeof parsePortSpec> }>();
  for (const row of rows) {
    for (const protocol of row.protocols) {
      for (const peer of row.peers) {
        const key = `${protocol}|${peer}`;
        const entry = byKey.get(key) ?? { protocol, peer, ranges: [] };
        if (row.ports !== undefined) entry.ranges.push(...parsePortSpec(row.ports));
        byKey.set(key, entry);
      }
    }
  }
  return [...byKey.values()]
    .flatMap(({ protocol, peer, ranges }) =>
      ranges.length === 0 ? [`${protocol} - ${peer}`] : compactPortRanges(ranges).map((r) => `${protocol} ${formatPortRange(r)} ${peer}`),
    )
    .sort();
}

function flowsMatching(plan: Plan, name: string, direction: "ingress" | "egress", protocol: string, port: number | undefined, peer: string): Flow[] {
  return group(plan, name)[direction].filter(
    (flow) =>
      flow.protocol === protocol &&
      peerName(flow) === peer &&
      (port === undefined || (flow.ports !== undefined && flow.ports.from <= port && port <= flow.ports.to)),
  );
}

/** Asserts a documented row is in the plan and that the flow carrying it cites seed 004. */
function expectRow(plan: Plan, name: string, direction: "ingress" | "egress", row: Expect, profile = "rancher"): void {
  for (const protocol of row.protocols) {
    const ranges = row.ports === undefined ? [undefined] : parsePortSpec(row.ports);
    for (const range of ranges) {
      for (const peer of row.peers) {
        for (const port of range ? [range.from, range.to] : [undefined]) {
          const found = flowsMatching(plan, name, direction, protocol, port, peer);
          expect(found, `${name} ${direction} ${protocol} ${port ?? ""} ${peer}`).toHaveLength(1);
          const cited = found[0]!.reasons.filter((r) => r.profile === profile);
          expect(cited.length, `${name} ${direction} ${protocol} ${port ?? ""} ${peer} has a ${profile} reason`).toBeGreaterThan(0);
        }
      }
    }
  }
}

function expectNoFlow(plan: Plan, name: string, direction: "ingress" | "egress", protocol: string, port: number, peer?: string): void {
  const found = group(plan, name)[direction].filter(
    (flow) => flow.protocol === protocol && flow.ports !== undefined && flow.ports.from <= port && port <= flow.ports.to && (peer === undefined || peerName(flow) === peer),
  );
  expect(found.map(flowLine), `${name} ${direction} ${protocol} ${port} ${peer ?? "any peer"}`).toEqual([]);
}

function localLines(plan: Plan, name: string): string[] {
  return group(plan, name).local.map((probe) => `${probe.protocol} ${probe.ports ? formatPortRange(probe.ports) : "-"}`).sort();
}

/** Cells of the Markdown table rows between `start` and `end` (or the end of the seed), header and rule dropped. */
function seedTable(start: string, end?: string): string[][] {
  const text = readSeed(SEED);
  const from = text.indexOf(start);
  const to = end === undefined ? text.length : text.indexOf(end, from + start.length);
  if (from < 0 || to < 0) throw new Error(`seed 004 has no section "${start}" ... "${end}"`);
  const lines = text.slice(from, to).split("\n").map((line) => line.trim()).filter((line) => line.startsWith("|"));
  // A rule line (|---|:---:|) follows each table's header line; both are dropped.
  const isRule = (line: string | undefined) => line !== undefined && /^\|[\s:|-]+$/.test(line);
  return lines
    .filter((line, index) => !isRule(line) && !isRule(lines[index + 1]))
    .map((line) => line.replace(/^\|/, "").replace(/\|$/, "").split("|").map((cell) => cell.trim()));
}

// ---------------------------------------------------------------------------------------
// The rancher-nodes EC2 security group ("Rancher AWS EC2 security group" table).

const WORLD = "0.0.0.0/0";
const WORLD6 = "::/0";
const SG = "rancher-nodes";
const ADMIN = "203.0.113.0/24";

/** The seed's table, row for row: type, protocol, port range, source/destination, rule type. */
const RANCHER_NODES_TABLE = [
  { type: "SSH", protocol: "tcp", ports: "22", peer: WORLD, rule: "Inbound" },
  { type: "HTTP", protocol: "tcp", ports: "80", peer: WORLD, rule: "Inbound" },
  { type: "Custom TCP Rule", protocol: "tcp", ports: "443", peer: WORLD, rule: "Inbound" },
  { type: "Custom TCP Rule", protocol: "tcp", ports: "2376", peer: WORLD, rule: "Inbound" },
  { type: "Custom TCP Rule", protocol: "tcp", ports: "2379-2380", peer: SG, rule: "Inbound" },
  { type: "Custom UDP Rule", protocol: "udp", ports: "4789", peer: SG, rule: "Inbound" },
  { type: "Custom TCP Rule", protocol: "tcp", ports: "6443", peer: WORLD, rule: "Inbound" },
  { type: "Custom UDP Rule", protocol: "udp", ports: "8472", peer: SG, rule: "Inbound" },
  { type: "Custom TCP Rule", protocol: "tcp", ports: "10250-10252", peer: SG, rule: "Inbound" },
  { type: "Custom TCP Rule", protocol: "tcp", ports: "10256", peer: SG, rule: "Inbound" },
  { type: "Custom TCP Rule", protocol: "tcp", ports: "30000-32767", peer: WORLD, rule: "Inbound" },
  { type: "Custom UDP Rule", protocol: "udp", ports: "30000-32767", peer: WORLD, rule: "Inbound" },
  { type: "All traffic", protocol: "all", ports: undefined, peer: WORLD, rule: "Outbound" },
] as const;

/** What rancher/machine's amazonec2 driver adds (reference/port-sources.md). */
const DRIVER_INBOUND: readonly Expect[] = [
  { protocols: ["tcp"], ports: "8443", peers: [WORLD, WORLD6] },
  // every world rule of the table also from ::/0
  { protocols: ["tcp"], ports: ["22", "80", "443", "2376", "6443", "30000-32767"], peers: [WORLD6] },
  { protocols: ["udp"], ports: "30000-32767", peers: [WORLD6] },
  { protocols: ["tcp"], ports: ["9345", "5473", "9796", "179"], peers: [SG] },
];
const DRIVER_OUTBOUND: readonly Expect[] = [{ protocols: ["all"], peers: [WORLD6] }];

function tableRows(rule: "Inbound" | "Outbound", except: readonly string[] = []): Expect[] {
  return RANCHER_NODES_TABLE.filter((row) => row.rule === rule && !except.includes(row.ports ?? "")).map((row) => ({
    protocols: [row.protocol],
    ...(row.ports ? { ports: row.ports } : {}),
    peers: [row.peer],
  }));
}

/** Rules from the group to itself are also the group's egress (the compiler emits both sides). */
function selfMirror(rows: readonly Expect[]): Expect[] {
  return rows.filter((row) => row.peers.includes(SG)).map((row) => ({ ...row, peers: [SG] }));
}

function rancherNodesPlan(options: Record<string, unknown> = {}, peers: Record<string, string[]> = {}): Plan {
  return compile({ name: "ec2", profiles: ["rancher-nodes"], options, groups: { [SG]: { roles: ["rancherNode"] } }, peers, completeness: "warn" });
}

describe("seed 004: the rancher-nodes EC2 security group", () => {
  it("the transcription below is the seed's table", () => {
    const parsed = seedTable("### Rancher AWS EC2 security group").map(([type, protocol, ports, peer, rule]) => ({
      type,
      protocol: protocol!.toLowerCase(),
      ports: ports === "All" ? undefined : ports,
      peer: peer === "sg-xxx (rancher-nodes)" ? SG : peer,
      rule,
    }));
    expect(parsed).toEqual(RANCHER_NODES_TABLE.map((row) => ({ ...row })));
  });

  it("docs variant: the group's flows are the seed table, nothing more, nothing less", () => {
    const plan = rancherNodesPlan();
    expect(lines(plan, SG, "ingress")).toEqual(expected(tableRows("Inbound")));
    expect(lines(plan, SG, "egress")).toEqual(expected([...tableRows("Outbound"), ...selfMirror(tableRows("Inbound"))]));
  });

  it("docs variant: every flow cites the seed's table row", () => {
    const plan = rancherNodesPlan();
    const g = group(plan, SG);
    for (const row of RANCHER_NODES_TABLE) {
      const direction = row.rule === "Inbound" ? "ingress" : "egress";
      const port = row.ports ? parsePortSpec(row.ports)[0]!.from : undefined;
      const [flow] = flowsMatching(plan, SG, direction, row.protocol, port, row.peer);
      expect(flow, `${row.type} ${row.ports}`).toBeDefined();
      expect(flow!.reasons.every((r) => r.document === SEED)).toBe(true);
      expect(flow!.reasons.some((r) => r.documentRow.includes(row.ports ?? "All traffic"))).toBe(true);
    }
    for (const flow of [...g.ingress, ...g.egress]) expect(flow.reasons.map((r) => r.document)).toEqual(flow.reasons.map(() => SEED));
  });

  it("docs variant: every world rule is warned about, and nothing else", () => {
    const plan = rancherNodesPlan();
    const worldIngress = group(plan, SG).ingress.filter((flow) => flow.peer.kind === "cidr" && flow.peer.world);
    expect(worldIngress).toHaveLength(RANCHER_NODES_TABLE.filter((row) => row.rule === "Inbound" && row.peer === WORLD).length);
    expect(plan.warnings.map((w) => w.flow).sort()).toEqual(worldIngress.map((flow) => flow.key).sort());
    for (const warning of plan.warnings) {
      expect(["world-open", "world-open-internal"]).toContain(warning.code);
      expect(warning.group).toBe(SG);
      expect(warning.message).toContain(SEED);
    }
  });

  it("records that the docs table is older than the driver code", () => {
    const plan = rancherNodesPlan();
    const ids = plan.disagreements.filter((d) => d.profile === "rancher-nodes").map((d) => d.otherSource);
    expect(ids).toContain(DRIVER);
  });

  it("driver variant adds exactly the rules the amazonec2 driver opens, each citing the driver", () => {
    const plan = rancherNodesPlan({ rancherNodesRules: "driver" });
    expect(lines(plan, SG, "ingress")).toEqual(expected([...tableRows("Inbound"), ...DRIVER_INBOUND]));
    expect(lines(plan, SG, "egress")).toEqual(
      expected([...tableRows("Outbound"), ...DRIVER_OUTBOUND, ...selfMirror([...tableRows("Inbound"), ...DRIVER_INBOUND])]),
    );
    const docsKeys = new Set([...group(rancherNodesPlan(), SG).ingress, ...group(rancherNodesPlan(), SG).egress].map((f) => f.key));
    const extra = [...group(plan, SG).ingress, ...group(plan, SG).egress].filter((flow) => !docsKeys.has(flow.key));
    expect(extra.length).toBeGreaterThan(0);
    for (const flow of extra) expect(flow.reasons.map((r) => r.document), flowLine(flow)).toEqual(flow.reasons.map(() => DRIVER));
    // The driver's ::/0 openings are warned about like the table's 0.0.0.0/0 ones.
    const worldKeys = group(plan, SG).ingress.filter((f) => f.peer.kind === "cidr" && f.peer.world).map((f) => f.key);
    expect(plan.warnings.map((w) => w.flow).sort()).toEqual(worldKeys.sort());
    expect(worldKeys.filter((key) => key.includes("::/0"))).toHaveLength(8);
  });

  it("admin-only variant moves SSH, Docker TLS and the API from the world to the admin CIDRs", () => {
    const plan = rancherNodesPlan({ rancherNodesAdminOnly: true }, { admin: [ADMIN] });
    const moved: Expect[] = [
      { protocols: ["tcp"], ports: ["22", "2376", "6443"], peers: [ADMIN] },
      // The world rule also let the group's own nodes reach their API server; the group keeps that.
      { protocols: ["tcp"], ports: "6443", peers: [SG] },
    ];
    expect(lines(plan, SG, "ingress")).toEqual(expected([...tableRows("Inbound", ["22", "2376", "6443"]), ...moved]));
    for (const port of [22, 2376, 6443]) expectNoFlow(plan, SG, "ingress", "tcp", port, WORLD);
    expect(plan.warnings.some((w) => /:(22|2376|6443):/.test(w.flow))).toBe(false);
    for (const flow of flowsMatching(plan, SG, "ingress", "tcp", 22, ADMIN)) expect(flow.reasons[0]!.document).toBe(SEED);
  });

  it("admin-only with the driver rules leaves no ::/0 opening on SSH, Docker TLS or the API", () => {
    const plan = rancherNodesPlan({ rancherNodesAdminOnly: true, rancherNodesRules: "driver" }, { admin: [ADMIN] });
    for (const port of [22, 2376, 6443]) {
      expectNoFlow(plan, SG, "ingress", "tcp", port, WORLD);
      expectNoFlow(plan, SG, "ingress", "tcp", port, WORLD6);
    }
    expectRow(plan, SG, "ingress", { protocols: ["tcp"], ports: "8443", peers: [WORLD, WORLD6] }, "rancher-nodes");
  });

  it("admin-only without admin CIDRs is refused", () => {
    expect(() => rancherNodesPlan({ rancherNodesAdminOnly: true })).toThrow(/admin/);
  });
});

// ---------------------------------------------------------------------------------------
// Rancher server nodes and downstream clusters.

const LB = "10.0.9.0/24"; // the external load balancer in front of Rancher
const API = "192.0.2.0/24"; // Rancher UI/API users and kubectl
const CLIENTS = "198.51.100.0/24"; // workload clients
const WLB = "10.0.8.0/24"; // load balancer in front of workloads
const HOSTED = "203.0.113.10/32"; // a hosted cluster's API endpoint
const GIT = ["35.160.43.145/32", "35.167.242.46/32", "52.33.59.17/32"]; // git.rancher.io

const PEERS = { rancherLoadBalancer: [LB], apiClients: [API], workloadClients: [CLIENTS], loadBalancer: [WLB], hostedClusterApi: [HOSTED] };

type Groups = Record<string, { roles: string[]; cluster: string }>;
const SERVER_ONLY: Groups = { server: { roles: ["rancherServer"], cluster: "local" } };
const K3S_CLUSTER: Groups = { ...SERVER_ONLY, agents: { roles: ["rancherAgent"], cluster: "local" } };
const DOWNSTREAM: Groups = {
  etcd: { roles: ["etcd"], cluster: "prod" },
  cp: { roles: ["controlPlane"], cluster: "prod" },
  workers: { roles: ["worker"], cluster: "prod" },
};

function rancherPlan(options: Record<string, unknown>, groups: Groups, profiles: string[] = ["rancher"]): Plan {
  return compile({
    name: "rancher",
    completeness: "warn", podCidr: ["10.244.0.0/16", "fd00:10:244::/56"], // the vendor table as written: the model only reports
    profiles,
    options,
    clusters: { local: { kind: "rancher" }, prod: { kind: "downstream" } },
    groups,
    peers: PEERS,
  });
}

function everyReasonCitesSeed(plan: Plan, name: string, direction: "ingress" | "egress"): void {
  for (const flow of group(plan, name)[direction]) {
    for (const reason of flow.reasons) expect(reason.document, `${name} ${flowLine(flow)} ${reason.row}`).toBe(SEED);
  }
}

describe("seed 004: the tables the tests below transcribe", () => {
  const protocolAndPort = (rows: string[][]) => rows.map(([protocol, port]) => `${protocol} ${port}`);

  it("Rancher server tabs: K3s, RKE and Docker", () => {
    expect(protocolAndPort(seedTable('{{% tab "K3s" %}}', "{{% /tab %}}"))).toEqual(["TCP 6443", "UDP 8472", "TCP 10250"]);
    expect(protocolAndPort(seedTable('{{% tab "RKE" %}}', "{{% /tab %}}"))).toEqual(
      ["TCP 80", "TCP 443", /* outbound */ "TCP 443", "TCP 22", "TCP 2376", "TCP Provider dependent"],
    );
    expect(protocolAndPort(seedTable('{{% tab "Docker" %}}', "{{% /tab %}}"))).toEqual(
      ["TCP 80", "TCP 443", /* outbound */ "TCP 22", "TCP 443", "TCP 2376", "TCP 6443"],
    );
  });

  it("the downstream tabs are shortcodes the seed does not expand", () => {
    const text = readSeed(SEED);
    for (const shortcode of ["ports-iaas-nodes", "ports-custom-nodes", "ports-imported-hosted"]) expect(text).toContain(`{{< ${shortcode} >}}`);
  });
});

describe("seed 004: Rancher server nodes, K3s tab", () => {
  // Imported downstream behind a load balancer adds nothing on the Rancher cluster's ingress.
  const options = { rancherInstall: "k3s", downstream: "imported", rancherBehindLoadBalancer: true };

  it("inbound rules: the table plus the prose's node-to-node traffic", () => {
    const plan = rancherPlan(options, K3S_CLUSTER);
    expect(lines(plan, "server", "ingress")).toEqual(
      expected([
        { protocols: ["tcp"], ports: "6443", peers: ["server"] }, // table: K3s server nodes
        { protocols: ["tcp"], ports: "6443", peers: ["agents"] }, // prose: "accessible by the nodes"
        { protocols: ["udp"], ports: "8472", peers: ["server", "agents"] }, // table: K3s server and agent nodes
        { protocols: ["tcp"], ports: "10250", peers: ["server", "agents"] }, // table: K3s server and agent nodes
      ]),
    );
    // prose: nodes reach other nodes over 8472; 10250 "on each node"
    expect(lines(plan, "agents", "ingress")).toEqual(
      expected([
        { protocols: ["udp"], ports: "8472", peers: ["server", "agents"] },
        { protocols: ["tcp"], ports: "10250", peers: ["server", "agents"] },
      ]),
    );
    everyReasonCitesSeed(plan, "server", "ingress");
    everyReasonCitesSeed(plan, "agents", "ingress");
  });

  it("typically all outbound traffic is allowed", () => {
    const plan = rancherPlan(options, K3S_CLUSTER);
    for (const name of ["server", "agents"]) expectRow(plan, name, "egress", { protocols: ["all"], peers: [WORLD] });
    expect(flowsMatching(plan, "server", "egress", "all", undefined, WORLD6)).toEqual([]);
    const v6 = rancherPlan({ ...options, ipv6: true }, K3S_CLUSTER);
    expectRow(v6, "server", "egress", { protocols: ["all"], peers: [WORLD6] });
  });

  it("UDP 8472 is required only for Flannel VXLAN", () => {
    const plan = rancherPlan({ ...options, cni: "calico" }, K3S_CLUSTER);
    expectNoFlow(plan, "server", "ingress", "udp", 8472);
    expectNoFlow(plan, "agents", "ingress", "udp", 8472);
    expectRow(plan, "server", "ingress", { protocols: ["tcp"], ports: ["6443", "10250"], peers: ["server"] });
  });

  it("the K3s rows apply only to a K3s install", () => {
    const plan = rancherPlan({ ...options, rancherInstall: "rke" }, SERVER_ONLY);
    expectNoFlow(plan, "server", "ingress", "tcp", 6443);
    expectNoFlow(plan, "server", "ingress", "tcp", 10250);
    expectNoFlow(plan, "server", "ingress", "udp", 8472);
  });
});

describe("seed 004: Rancher server nodes, RKE tab", () => {
  const options = { rancherInstall: "rke", downstream: "nodePools", rancherBehindLoadBalancer: true };

  it("inbound: 80 from the load balancer; 443 from the load balancer, all cluster nodes and API/UI clients", () => {
    const plan = rancherPlan(options, { ...SERVER_ONLY, ...DOWNSTREAM });
    expect(lines(plan, "server", "ingress")).toEqual(
      expected([
        { protocols: ["tcp"], ports: "80", peers: [LB] },
        { protocols: ["tcp"], ports: "443", peers: [LB, "server", "etcd", "cp", "workers", API] },
      ]),
    );
    everyReasonCitesSeed(plan, "server", "ingress");
  });

  it("outbound: git.rancher.io, SSH and Docker TLS to node-driver nodes", () => {
    const plan = rancherPlan(options, { ...SERVER_ONLY, ...DOWNSTREAM });
    expectRow(plan, "server", "egress", { protocols: ["tcp"], ports: "443", peers: GIT });
    expectRow(plan, "server", "egress", { protocols: ["tcp"], ports: ["22", "2376"], peers: ["etcd", "cp", "workers"] });
    everyReasonCitesSeed(plan, "server", "egress");
  });

  it("outbound: the hosted cluster's Kubernetes API endpoint", () => {
    const plan = rancherPlan({ ...options, downstream: "hosted" }, { ...SERVER_ONLY, workers: DOWNSTREAM.workers! });
    expectRow(plan, "server", "egress", { protocols: ["tcp"], ports: "443", peers: [HOSTED] });
    // Node-driver rows need node-driver nodes.
    expectNoFlow(plan, "server", "egress", "tcp", 22);
    expectNoFlow(plan, "server", "egress", "tcp", 2376);
  });
});

describe("seed 004: Rancher server node, Docker tab", () => {
  const options = { rancherInstall: "docker", downstream: "nodePools", rancherBehindLoadBalancer: true };

  it("inbound: 80 from the SSL-terminating proxy; 443 from downstream clusters and API/UI clients", () => {
    const plan = rancherPlan(options, { ...SERVER_ONLY, ...DOWNSTREAM });
    expect(lines(plan, "server", "ingress")).toEqual(
      expected([
        { protocols: ["tcp"], ports: "80", peers: [LB] },
        { protocols: ["tcp"], ports: "443", peers: ["etcd", "cp", "workers", API] },
      ]),
    );
    everyReasonCitesSeed(plan, "server", "ingress");
  });

  it("outbound: SSH, git.rancher.io, Docker TLS, and 6443 to hosted/imported APIs", () => {
    const plan = rancherPlan(options, { ...SERVER_ONLY, ...DOWNSTREAM });
    expectRow(plan, "server", "egress", { protocols: ["tcp"], ports: ["22", "2376"], peers: ["etcd", "cp", "workers"] });
    expectRow(plan, "server", "egress", { protocols: ["tcp"], ports: "443", peers: GIT });
    for (const downstream of ["hosted", "imported"]) {
      const hosted = rancherPlan({ ...options, downstream }, { ...SERVER_ONLY, workers: DOWNSTREAM.workers! });
      expectRow(hosted, "server", "egress", { protocols: ["tcp"], ports: "6443", peers: [HOSTED] });
      everyReasonCitesSeed(hosted, "server", "egress");
    }
  });
});

/**
 * The node-driver matrix ({{< ports-iaas-nodes >}}), flattened in reference/port-sources.md,
 * as the ingress each downstream group must get.
 */
const NODE_POOLS_INGRESS: Record<string, readonly Expect[]> = {
  etcd: [
    { protocols: ["tcp"], ports: ["22", "2376"], peers: ["server"] }, // Rancher server nodes (node driver)
    { protocols: ["tcp"], ports: ["2379", "2380"], peers: ["etcd", "cp"] }, // etcd -> etcd; controlplane -> etcd
    { protocols: ["udp"], ports: "8472", peers: ["etcd", "cp", "workers"] }, // Canal/Flannel VXLAN between all roles
    { protocols: ["tcp"], ports: "10250", peers: ["cp"] }, // controlplane -> all roles
  ],
  cp: [
    { protocols: ["tcp"], ports: ["22", "2376"], peers: ["server"] },
    { protocols: ["tcp"], ports: "6443", peers: ["etcd", "cp", "workers"] }, // all roles -> controlplane
    { protocols: ["tcp"], ports: "6443", peers: [API] }, // API clients, with the authorized cluster endpoint
    { protocols: ["udp"], ports: "8472", peers: ["etcd", "cp", "workers"] },
    { protocols: ["tcp"], ports: "10250", peers: ["cp"] },
  ],
  workers: [
    { protocols: ["tcp"], ports: ["22", "2376"], peers: ["server"] },
    { protocols: ["udp"], ports: "8472", peers: ["etcd", "cp", "workers"] },
    { protocols: ["tcp"], ports: "10250", peers: ["cp"] },
    { protocols: ["tcp", "udp"], ports: "30000-32767", peers: [CLIENTS, WLB] }, // workload clients / LB: NodePort
    { protocols: ["tcp"], ports: ["80", "443"], peers: [CLIENTS, WLB] }, // workload clients / LB: ingress
  ],
};
/** "Local traffic only": 9099 on every role, 10254 on controlplane and worker. */
const NODE_POOLS_LOCAL: Record<string, readonly string[]> = {
  etcd: ["tcp 9099"],
  cp: ["tcp 9099", "tcp 10254"],
  workers: ["tcp 9099", "tcp 10254"],
};

describe("seed 004: downstream clusters, Node Pools", () => {
  const options = { downstream: "nodePools", rancherBehindLoadBalancer: false, authorizedClusterEndpoint: true };
  const plan = rancherPlan(options, { ...SERVER_ONLY, ...DOWNSTREAM });

  it.each(Object.keys(NODE_POOLS_INGRESS))("%s: ingress is the matrix's column, exactly", (name) => {
    expect(lines(plan, name, "ingress")).toEqual(expected(NODE_POOLS_INGRESS[name]!));
    everyReasonCitesSeed(plan, name, "ingress");
  });

  it.each(Object.keys(NODE_POOLS_LOCAL))("%s: local-only health probes, no cross-node rule", (name) => {
    expect(localLines(plan, name)).toEqual([...NODE_POOLS_LOCAL[name]!].sort());
    for (const probe of group(plan, name).local) expect(probe.reasons.every((r) => r.document === SEED)).toBe(true);
    expectNoFlow(plan, name, "ingress", "tcp", 9099);
    expectNoFlow(plan, name, "ingress", "tcp", 10254);
  });

  it("every role reaches Rancher on 443 when no load balancer fronts it; Rancher reaches git.rancher.io", () => {
    expectRow(plan, "server", "ingress", { protocols: ["tcp"], ports: "443", peers: ["etcd", "cp", "workers"] });
    expectRow(plan, "server", "egress", { protocols: ["tcp"], ports: "443", peers: GIT });
    everyReasonCitesSeed(plan, "server", "ingress");
  });

  it("behind a load balancer, every role reaches the load balancer instead", () => {
    const behind = rancherPlan({ ...options, rancherBehindLoadBalancer: true }, { ...SERVER_ONLY, ...DOWNSTREAM });
    for (const name of ["etcd", "cp", "workers"]) {
      expectRow(behind, name, "egress", { protocols: ["tcp"], ports: "443", peers: [LB] });
      expectNoFlow(behind, "server", "ingress", "tcp", 443, name);
    }
  });

  it("API clients reach the control plane only with the authorized cluster endpoint", () => {
    const without = rancherPlan({ ...options, authorizedClusterEndpoint: false }, { ...SERVER_ONLY, ...DOWNSTREAM });
    expectNoFlow(without, "cp", "ingress", "tcp", 6443, API);
  });

  it("the Rancher cluster's own nodes get none of the downstream rows", () => {
    expect(lines(plan, "server", "ingress")).toEqual(expected([
      { protocols: ["tcp"], ports: "443", peers: ["etcd", "cp", "workers"] },
      // K3s tab (the default install)
      { protocols: ["tcp"], ports: ["6443", "10250"], peers: ["server"] },
      { protocols: ["udp"], ports: "8472", peers: ["server"] },
    ]));
  });
});

describe("seed 004: downstream clusters, Custom Nodes", () => {
  const options = { downstream: "custom", rancherBehindLoadBalancer: false, authorizedClusterEndpoint: true, windows: true };
  const plan = rancherPlan(options, { ...SERVER_ONLY, ...DOWNSTREAM });
  /** The node-pools matrix without Rancher -> nodes 22/2376, plus UDP 4789 between all roles (Windows). */
  const customIngress = (name: string): Expect[] => [
    ...NODE_POOLS_INGRESS[name]!.filter((row) => !row.peers.includes("server")),
    { protocols: ["udp"], ports: "4789", peers: ["etcd", "cp", "workers"] },
  ];

  it.each(Object.keys(NODE_POOLS_INGRESS))("%s: ingress is the matrix's column, exactly", (name) => {
    expect(lines(plan, name, "ingress")).toEqual(expected(customIngress(name)));
    expect(localLines(plan, name)).toEqual([...NODE_POOLS_LOCAL[name]!].sort());
    everyReasonCitesSeed(plan, name, "ingress");
  });

  it("UDP 4789 only with a Windows overlay", () => {
    const linux = rancherPlan({ ...options, windows: false }, { ...SERVER_ONLY, ...DOWNSTREAM });
    for (const name of ["etcd", "cp", "workers"]) expectNoFlow(linux, name, "ingress", "udp", 4789);
  });

  it("Rancher still reaches git.rancher.io, but does not provision nodes", () => {
    expectRow(plan, "server", "egress", { protocols: ["tcp"], ports: "443", peers: GIT });
    expectNoFlow(plan, "server", "egress", "tcp", 22);
    expectNoFlow(plan, "server", "egress", "tcp", 2376);
  });
});

describe("seed 004: downstream clusters, Hosted and Imported", () => {
  const groups = { ...SERVER_ONLY, workers: DOWNSTREAM.workers! };

  it("hosted: Rancher reaches the cluster API endpoint and 8443/9443; workers reach Rancher on 443", () => {
    const plan = rancherPlan({ downstream: "hosted", rancherBehindLoadBalancer: false }, groups);
    expectRow(plan, "server", "egress", { protocols: ["tcp"], ports: ["443", "8443", "9443"], peers: [HOSTED] });
    expectRow(plan, "server", "egress", { protocols: ["tcp"], ports: "443", peers: GIT });
    expectRow(plan, "server", "ingress", { protocols: ["tcp"], ports: "443", peers: ["workers"] });
    expect(lines(plan, "workers", "ingress")).toEqual([]);
    everyReasonCitesSeed(plan, "server", "egress");
  });

  it("imported: no Rancher -> cluster rows; workers reach Rancher on 443", () => {
    const plan = rancherPlan({ downstream: "imported", rancherBehindLoadBalancer: false }, groups);
    expect(group(plan, "server").egress.filter((flow) => peerName(flow) === HOSTED)).toEqual([]);
    expectRow(plan, "server", "ingress", { protocols: ["tcp"], ports: "443", peers: ["workers"] });
  });

  it("behind a load balancer, workers reach the load balancer", () => {
    for (const downstream of ["hosted", "imported"]) {
      const plan = rancherPlan({ downstream, rancherBehindLoadBalancer: true }, groups);
      expectRow(plan, "workers", "egress", { protocols: ["tcp"], ports: "443", peers: [LB] });
      expectNoFlow(plan, "server", "ingress", "tcp", 443, "workers");
    }
  });
});

describe("seed 004: Commonly Used Ports (opt-in profile rancher-common-ports)", () => {
  const COMMON = "rancher-common-ports";
  const CURRENT = "https://ranchermanager.docs.rancher.com/getting-started/installation-and-upgrade/installation-requirements/port-requirements#commonly-used-ports";
  const groups = { ...SERVER_ONLY, ...DOWNSTREAM };
  const plan = rancherPlan({ downstream: "custom", cni: "canal" }, groups, ["rancher", COMMON]);
  const downstreamNames = ["etcd", "cp", "workers"];

  /** The seed's table, row for row (protocol, port, description). */
  const TABLE = [
    { protocol: "tcp", port: "22", description: "Node driver SSH provisioning" },
    { protocol: "tcp", port: "2376", description: "Node driver Docker daemon TLS port" },
    { protocol: "tcp", port: "2379", description: "etcd client requests" },
    { protocol: "tcp", port: "2380", description: "etcd peer communication" },
    { protocol: "udp", port: "8472", description: "Canal/Flannel VXLAN overlay networking" },
    { protocol: "udp", port: "4789", description: "Flannel VXLAN overlay networking on Windows cluster" },
    { protocol: "tcp", port: "9099", description: "Canal/Flannel livenessProbe/readinessProbe" },
    { protocol: "tcp", port: "9796", description: "Default port required by Monitoring to scrape metrics" },
    { protocol: "tcp", port: "6783", description: "Weave Port" },
    { protocol: "udp", port: "6783-6784", description: "Weave UDP Ports" },
    { protocol: "tcp", port: "10250", description: "kubelet API" },
    { protocol: "tcp", port: "10254", description: "Ingress controller livenessProbe/readinessProbe" },
    { protocol: "tcp", port: "30000-32767", description: "NodePort port range" },
    { protocol: "udp", port: "30000-32767", description: "NodePort port range" },
  ] as const;
  const byPort = (port: string, protocol = "tcp") => TABLE.find((row) => row.port === port && row.protocol === protocol)!;

  it("the transcription is the seed's table", () => {
    const parsed = seedTable("### Commonly Used Ports", "### Local Node Traffic").flatMap(([protocol, port, description]) =>
      protocol!.split("/").map((p) => ({ protocol: p.toLowerCase(), port: port!.replace("</br>", ""), description })),
    );
    expect(parsed).toEqual(TABLE.map((row) => ({ ...row })));
  });

  it("node driver SSH and Docker TLS: from the Rancher server to downstream nodes", () => {
    for (const name of downstreamNames) {
      expectRow(plan, name, "ingress", { protocols: ["tcp"], ports: [byPort("22").port, byPort("2376").port], peers: ["server"] }, COMMON);
    }
  });

  it("cluster-internal ports are opened on every node from the nodes of its cluster", () => {
    for (const name of downstreamNames) {
      expectRow(plan, name, "ingress", { protocols: ["tcp"], ports: [byPort("2379").port, byPort("2380").port, byPort("9796").port, byPort("10250").port], peers: downstreamNames }, COMMON);
      expectRow(plan, name, "ingress", { protocols: ["udp"], ports: byPort("8472", "udp").port, peers: downstreamNames }, COMMON);
      expectNoFlow(plan, name, "ingress", "tcp", 2379, "server");
    }
    expectRow(plan, "server", "ingress", { protocols: ["tcp"], ports: ["2379", "2380", "10250"], peers: ["server"] }, COMMON);
  });

  it("NodePort over TCP and UDP from workload clients and load balancers", () => {
    for (const name of downstreamNames) {
      expectRow(plan, name, "ingress", { protocols: ["tcp", "udp"], ports: byPort("30000-32767").port, peers: [CLIENTS, WLB] }, COMMON);
    }
  });

  it("9099 and 10254 are local traffic: probes, no cross-node rule", () => {
    for (const name of [...downstreamNames, "server"]) {
      const local = group(plan, name).local.filter((probe) => probe.reasons.some((r) => r.profile === COMMON));
      expect(local.map((probe) => formatPortRange(probe.ports!)).sort()).toEqual([byPort("10254").port, byPort("9099").port]);
    }
  });

  it("Weave rows only with Weave, the Windows overlay only with Windows", () => {
    for (const name of downstreamNames) {
      expectNoFlow(plan, name, "ingress", "tcp", 6783);
      expectNoFlow(plan, name, "ingress", "udp", 6784);
      expectNoFlow(plan, name, "ingress", "udp", 4789);
    }
    const weave = rancherPlan({ downstream: "custom", cni: "weave", windows: true }, groups, ["rancher", COMMON]);
    for (const name of downstreamNames) {
      expectRow(weave, name, "ingress", { protocols: ["tcp"], ports: byPort("6783").port, peers: downstreamNames }, COMMON);
      expectRow(weave, name, "ingress", { protocols: ["udp"], ports: byPort("6783-6784", "udp").port, peers: downstreamNames }, COMMON);
      expectRow(weave, name, "ingress", { protocols: ["udp"], ports: byPort("4789", "udp").port, peers: downstreamNames }, COMMON);
      expectNoFlow(weave, name, "ingress", "udp", 8472);
    }
  });

  it("seed rows cite seed 004; rows only the current table has cite the current page", () => {
    // 179 (Calico BGP), 8443/9443 (webhook) and 9100 (node-exporter) are only in the current table.
    const currentOnly = [179, 8443, 9443, 9100];
    const calico = rancherPlan({ downstream: "custom", cni: "calico" }, groups, ["rancher", COMMON]);
    const seen = new Set<number>();
    for (const checked of [plan, calico]) {
      for (const item of checked.groups.flatMap((g) => [...g.ingress, ...g.egress, ...g.local])) {
        for (const reason of item.reasons.filter((r) => r.profile === COMMON)) {
          const current = item.ports !== undefined && currentOnly.some((port) => item.ports!.from <= port && port <= item.ports!.to);
          if (current) currentOnly.filter((port) => item.ports!.from <= port && port <= item.ports!.to).forEach((port) => seen.add(port));
          expect(reason.document, reason.documentRow).toBe(current ? CURRENT : SEED);
        }
      }
    }
    expect([...seen].sort((a, b) => a - b)).toEqual([179, 8443, 9100, 9443]);
  });
});

describe("seed 004: disagreements are reported, not fixed", () => {
  it("the VXLAN port and NodePort over UDP are on record", () => {
    const plan = rancherPlan({ downstream: "nodePools" }, { ...SERVER_ONLY, ...DOWNSTREAM });
    const says = plan.disagreements.filter((d) => d.profile === "rancher").map((d) => `${d.says} | ${d.other}`);
    expect(says.some((text) => text.includes("8472") && text.includes("4789"))).toBe(true);
    expect(says.some((text) => text.includes("UDP") && text.includes("30000-32767"))).toBe(true);
  });
});
