/**
 * What users rely on from compile() beyond validation: the same layout gives the same plan,
 * shared roles become self flows, clusters scope node-to-node rows, egress mirrors ingress,
 * and the plan says out loud what it left out (notes) or opened to the world (warnings).
 */
import { describe, expect, it } from "vitest";
import { compile } from "../components/compiler/compile";
import type { Flow, Plan, PlanGroup } from "../components/model/plan";
import { planJson } from "../components/reports/planJson";

const layout = {
  name: "determinism",
  profiles: ["super-kubenetes"],
  options: { offline: true, calicoMode: "ipip" },
  groups: {
    masters: { roles: ["controlPlane", "etcd"] },
    workers: { roles: ["worker"] },
    registry: { roles: ["registry"] },
  },
  peers: { admin: ["192.0.2.0/24"], apiClients: ["198.51.100.0/24", "192.0.2.0/24"], workloadClients: ["10.0.0.0/8"] },
};

/** The same object with every key order reversed, at every depth. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([key, inner]) => [key, reverseKeys(inner)]));
}

function group(plan: Plan, name: string): PlanGroup {
  const found = plan.groups.find((g) => g.name === name);
  if (!found) throw new Error(`no group ${name} in the plan`);
  return found;
}

/** Sources of the group's ingress flows on one TCP port, as group names or CIDRs. */
function sourcesOf(g: PlanGroup, protocol: Flow["protocol"], port: number): string[] {
  return g.ingress
    .filter((flow) => flow.protocol === protocol && flow.ports && flow.ports.from <= port && port <= flow.ports.to)
    .map((flow) => (flow.peer.kind === "group" ? flow.peer.group : flow.peer.kind === "cidr" ? flow.peer.cidr : flow.peer.host))
    .sort();
}

describe("compile() determinism", () => {
  it("compiles the same layout twice to byte-identical JSON", () => {
    expect(planJson(compile(layout))).toBe(planJson(compile(structuredClone(layout))));
  });

  it("does not depend on the order of groups, peers or options in the input", () => {
    const reordered = reverseKeys(layout) as typeof layout;
    expect(Object.keys(reordered.groups)).toEqual(["registry", "workers", "masters"]);
    expect(planJson(compile(reordered))).toBe(planJson(compile(layout)));
  });

  it("lists groups by name and sorts each group's roles", () => {
    const plan = compile({ ...layout, groups: { workers: { roles: ["worker"] }, masters: { roles: ["etcd", "controlPlane"] } } });
    expect(plan.groups.map((g) => [g.name, g.roles])).toEqual([
      ["masters", ["controlPlane", "etcd"]],
      ["workers", ["worker"]],
    ]);
  });
});

describe("self flows and shared roles", () => {
  it("a group talking to itself gets a flow whose peer is the group itself", () => {
    const masters = group(compile(layout), "masters");
    const dns = masters.ingress.find((flow) => flow.key === "in:udp:53:group:masters");
    expect(dns?.peer).toEqual({ kind: "group", group: "masters" });
  });

  it("controlPlane and etcd in one group turn etcd traffic into a self flow", () => {
    const plan = compile(layout);
    expect(sourcesOf(group(plan, "masters"), "tcp", 2379)).toEqual(["masters"]);
    expect(group(plan, "masters").egress.map((flow) => flow.key)).toContain("out:tcp:2379-2380:group:masters");
    expect(sourcesOf(group(plan, "workers"), "tcp", 2379)).toEqual([]);
  });

  it("etcd in its own group receives from the control plane and from itself", () => {
    const plan = compile({
      ...layout,
      groups: { masters: { roles: ["controlPlane"] }, etcd: { roles: ["etcd"] }, workers: { roles: ["worker"] }, registry: { roles: ["registry"] } },
    });
    expect(sourcesOf(group(plan, "etcd"), "tcp", 2379)).toEqual(["etcd", "masters"]);
    expect(sourcesOf(group(plan, "masters"), "tcp", 2379)).toEqual([]);
  });
});

describe("cluster scoping", () => {
  const dce = {
    name: "two-clusters",
    profiles: ["dce5"],
    options: { cni: "calico", calicoMode: "ipip" },
    clusters: { global: { kind: "global" }, prod: { kind: "worker" } },
    groups: {
      "global-masters": { roles: ["controlPlane"], cluster: "global" },
      "global-workers": { roles: ["worker"], cluster: "global" },
      "prod-masters": { roles: ["controlPlane"], cluster: "prod" },
      "prod-workers": { roles: ["worker"], cluster: "prod" },
    },
  };

  it("node-to-node rows stay inside each cluster", () => {
    const plan = compile(dce);
    // Calico BGP (TCP 179) is nodes() -> nodes(): each cluster's nodes only.
    expect(sourcesOf(group(plan, "prod-workers"), "tcp", 179)).toEqual(["prod-masters", "prod-workers"]);
    expect(sourcesOf(group(plan, "global-masters"), "tcp", 179)).toEqual(["global-masters", "global-workers"]);
    expect(group(plan, "prod-masters").ingress.filter((flow) => flow.protocol === "ipip").map((flow) => flow.key)).toEqual([
      "in:ipip:any:group:prod-masters",
      "in:ipip:any:group:prod-workers",
    ]);
  });

  it("rows scoped to a cluster kind cross clusters as documented", () => {
    const plan = compile(dce);
    // "Worker Cluster: TCP 22 SSH on each node (for ansible) (Global Management Cluster)".
    expect(sourcesOf(group(plan, "prod-workers"), "tcp", 22)).toEqual(["global-masters", "global-workers"]);
    expect(sourcesOf(group(plan, "global-workers"), "tcp", 22)).toEqual([]);
  });

  it("each group carries its cluster and the cluster's kind", () => {
    const plan = compile(dce);
    expect(plan.groups.map((g) => [g.name, g.cluster, g.clusterKind])).toEqual([
      ["global-masters", "global", "global"],
      ["global-workers", "global", "global"],
      ["prod-masters", "prod", "worker"],
      ["prod-workers", "prod", "worker"],
    ]);
  });
});

describe("egress mirrors ingress between groups", () => {
  const layouts = [
    layout,
    {
      name: "rancher",
      profiles: ["rancher"],
      options: { downstream: "custom" },
      clusters: { rancher: { kind: "rancher" }, prod: { kind: "downstream" } },
      groups: {
        "rancher-servers": { roles: ["rancherServer"], cluster: "rancher" },
        "prod-control": { roles: ["etcd", "controlPlane"], cluster: "prod" },
        "prod-workers": { roles: ["worker"], cluster: "prod" },
      },
    },
  ];

  /** A flow's content without direction and peer, for comparing the two halves. */
  const content = (flow: Flow) => JSON.stringify([flow.protocol, flow.ports, flow.icmp, flow.reasons]);

  it.each(layouts.map((l) => [l.name, l] as const))("%s: every group egress flow is an ingress flow on its target, and back", (_name, input) => {
    const plan = compile(input);
    const egress = plan.groups.flatMap((g) => g.egress.flatMap((flow) => (flow.peer.kind === "group" ? [`${g.name}>${flow.peer.group}|${content(flow)}`] : [])));
    const ingress = plan.groups.flatMap((g) => g.ingress.flatMap((flow) => (flow.peer.kind === "group" ? [`${flow.peer.group}>${g.name}|${content(flow)}`] : [])));
    expect(egress.length).toBeGreaterThan(0);
    expect([...egress].sort()).toEqual([...ingress].sort());
  });
});

describe("notes and warnings", () => {
  it("notes every row whose peer has no CIDRs and opens nothing for it", () => {
    const { peers: _peers, ...withoutPeers } = layout;
    const plan = compile(withoutPeers);
    expect(plan.notes.filter((note) => note.code === "peer-unset").map((note) => [note.row, note.message])).toEqual([
      ["apiserver", expect.stringContaining('peer "apiClients", which has no CIDRs in layout.peers')],
      ["nodeport", expect.stringContaining('peer "workloadClients"')],
      ["ssh", expect.stringContaining('peer "admin"')],
    ]);
    expect(plan.groups.flatMap((g) => g.ingress).filter((flow) => flow.peer.kind === "cidr")).toEqual([]);
  });

  it("warns about each world opening the vendor prescribes", () => {
    const plan = compile({ name: "nodes", profiles: ["rancher-nodes"], groups: { nodes: { roles: ["rancherNode"] } } });
    const world = plan.warnings.map((warning) => [warning.code, warning.flow]);
    expect(world).toEqual(
      expect.arrayContaining([
        ["world-open", "in:tcp:22:cidr:0.0.0.0/0"],
        ["world-open", "in:tcp:80:cidr:0.0.0.0/0"],
        ["world-open", "in:tcp:443:cidr:0.0.0.0/0"],
      ]),
    );
    for (const warning of plan.warnings) expect(warning.message).toContain("004_4e84222665e307a4.txt");
  });

  it("warns louder when a documented world opening hits an internal service", () => {
    const plan = compile({
      ...layout,
      rules: [
        {
          id: "kubelet-anywhere",
          description: "kubelet from anywhere",
          protocols: ["tcp"],
          ports: "10250",
          from: [{ cidrs: ["0.0.0.0/0"], label: "anywhere" }],
          to: { role: "worker" },
          allowInternet: "short-lived lab",
        },
      ],
    });
    expect(plan.warnings.filter((w) => w.code.startsWith("world-open"))).toEqual([
      {
        code: "world-open-internal",
        group: "workers",
        flow: "in:tcp:10250:cidr:0.0.0.0/0",
        message: expect.stringContaining('This exposes kubelet. The layout allows it: "short-lived lab".'),
        openedBy: [{ kind: "layout-rule", rule: "kubelet-anywhere", path: "rules[0].from[0].cidrs[0]", cidr: "0.0.0.0/0", acknowledged: "short-lived lab" }],
        allowInternet: ["short-lived lab"],
      },
    ]);
    expect(plan.warnings[0]!.message).toContain("because this layout's own rule kubelet-anywhere sets rules[0].from[0].cidrs[0]: 0.0.0.0/0.");
  });

  it("keeps a profile's disagreements only when one of their rows applied", () => {
    const calico = compile(layout).disagreements.map((d) => d.id);
    expect(calico).toContain("ipip-94");
    const vxlan = compile({ ...layout, options: { offline: true, calicoMode: "vxlan" } }).disagreements.map((d) => d.id);
    expect(vxlan).not.toContain("ipip-94");
    expect(vxlan).toContain("calico-9100");
  });
});
