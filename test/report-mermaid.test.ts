/** The Mermaid report: one node per group and external peer, one labelled edge per pair. */
import { describe, expect, it } from "vitest";
import { compile } from "../components/compiler/compile";
import type { Plan } from "../components/model/plan";
import { edgeLabel, mermaidText, planMermaid } from "../components/reports/planMermaid";

const layout = {
  name: "mermaid-report",
  profiles: ["super-kubenetes"],
  options: { offline: true },
  groups: {
    masters: { roles: ["controlPlane", "etcd"] },
    "worker-pool": { roles: ["worker"] },
    registry: { roles: ["registry"] },
  },
  peers: { admin: ["192.0.2.0/24"], 'ops "east"': ["10.9.0.0/16"] },
  rules: [
    { id: "ops", description: "ops dashboards", protocols: ["tcp"], ports: "8080", from: [{ peer: 'ops "east"' }], to: { role: "worker" } },
    { id: "mirror", description: "package mirror", protocols: ["tcp"], ports: "443", from: [{ role: "worker" }], to: { hosts: ["*.mirror.example.com"] } },
  ],
};

const plan = compile(layout);
const mermaid = planMermaid(plan);
const lines = mermaid.split("\n");
const EDGE = /^ {2}(\S+) -->\|"([^"]*)"\| (\S+)$/;
/** A pair with flows both ways is one two-way arrow: `a <-->|"a → b: label<br>b → a: label"| b`. */
const TWO_WAY = /^ {2}(\S+) <-->\|"([^"]*)<br>([^"]*)"\| (\S+)$/;
const wayLabel = (text: string) => text.slice(text.indexOf(": ") + 2);
/** Every arrow as directed edges: a two-way arrow is two, each with its own direction's label. */
const edges = lines.flatMap((line) => {
  const match = EDGE.exec(line);
  if (match) return [{ from: match[1]!, label: match[2]!, to: match[3]! }];
  const both = TWO_WAY.exec(line);
  return both ? [{ from: both[1]!, label: wayLabel(both[2]!), to: both[4]! }, { from: both[4]!, label: wayLabel(both[3]!), to: both[1]! }] : [];
});

function groupPairs(p: Plan): string[] {
  const pairs = p.groups.flatMap((g) => g.ingress.flatMap((flow) => (flow.peer.kind === "group" ? [`${flow.peer.group}>${g.name}`] : [])));
  return [...new Set(pairs)].sort();
}

describe("planMermaid", () => {
  it("is a flowchart LR ending in one newline", () => {
    expect(lines[0]).toBe("flowchart LR");
    expect(mermaid.endsWith("\n")).toBe(true);
    expect(mermaid.endsWith("\n\n")).toBe(false);
  });

  it("declares every node group with its roles", () => {
    expect(lines).toContain('  g_masters["masters: controlPlane, etcd"]');
    expect(lines).toContain('  g_worker_pool["worker-pool: worker"]');
    expect(lines).toContain('  g_registry["registry: registry"]');
  });

  it("draws each group-to-group pair once: on its own arrow, or (what every node pair exchanges) in the cluster's note", () => {
    const ids: Record<string, string> = { masters: "g_masters", "worker-pool": "g_worker_pool", registry: "g_registry" };
    const groupEdges = edges.filter((edge) => edge.from.startsWith("g_") && edge.to.startsWith("g_")).map((edge) => `${edge.from}>${edge.to}`);
    const expected = groupPairs(plan).map((pair) => pair.split(">").map((name) => ids[name]).join(">"));
    // worker-pool -> worker-pool is all in the note. worker-pool sends 6443 and 10250-10258 to masters only, and
    // masters send the kubelet port (10250, a connectivity-model supplement) to worker-pool only: one two-way arrow.
    expect(groupEdges.sort()).toEqual(expected.filter((pair) => pair !== "g_worker_pool>g_worker_pool"));
    expect(new Set(groupEdges).size).toBe(groupEdges.length);
    expect(lines.filter((line) => / g_worker_pool <?-->\|.*\| g_masters$| g_masters <?-->\|.*\| g_worker_pool$/.test(line))).toHaveLength(1);
    // 5473: Felix to Typha, a connectivity-model supplement between all nodes.
    expect(lines).toContain(
      '  all_default["every two of masters, worker-pool (each to itself too): TCP 22, 53, 179, 5473, 8443, 9099-9100, 30000-32767; UDP 53; IP-in-IP (4); IP protocol 94"]',
    );
  });

  it("aggregates each pair's remaining flows into one label, ports merged per protocol", () => {
    expect(edges).toContainEqual({ from: "g_worker_pool", to: "g_masters", label: "TCP 6443, 10250-10258" });
    expect(edges).toContainEqual({ from: "g_masters", to: "g_worker_pool", label: "TCP 10250" });
    expect(edges).toContainEqual({ from: "g_masters", to: "g_masters", label: "TCP 2379-2380, 6443, 10250-10258" });
  });

  it("says each label's ports once: a note's ports are on no arrow between its groups", () => {
    const note = /all_default\["[^:]*: ([^"]+)"\]/.exec(mermaid)![1]!;
    const between = edges.filter((edge) => ["g_masters", "g_worker_pool"].includes(edge.from) && ["g_masters", "g_worker_pool"].includes(edge.to));
    for (const edge of between) for (const port of ["22", "53", "179", "5473", "8443"]) expect(edge.label.split(/[ ,;]+/)).not.toContain(port);
    expect(note).toContain("TCP 22, 53, 179");
  });

  it("draws self flows as self-loops", () => {
    const self = edges.find((edge) => edge.from === "g_masters" && edge.to === "g_masters");
    expect(self?.label).toContain("2379-2380");
  });

  it("draws external peers and hosts as nodes with edges in the direction of the connection", () => {
    expect(lines).toContain('  p_admin("admin: 192.0.2.0/24")');
    expect(edges).toContainEqual({ from: "p_admin", to: "g_masters", label: "TCP 22" });
    expect(lines).toContain('  h_mirror_example_com(["*.mirror.example.com"])');
    expect(edges).toContainEqual({ from: "g_worker_pool", to: "h_mirror_example_com", label: "TCP 443" });
  });

  it("escapes quotes in labels and sanitises ids", () => {
    expect(lines).toContain('  p_ops_east("ops #quot;east#quot;: 10.9.0.0/16")');
    const ids = lines.flatMap((line) => {
      const edge = EDGE.exec(line);
      if (edge) return [edge[1]!, edge[3]!];
      const both = TWO_WAY.exec(line);
      if (both) return [both[1]!, both[4]!];
      const node = /^ {2,4}(\w[^[("\s]*)[[(]/.exec(line);
      return node ? [node[1]!] : [];
    });
    expect(ids.length).toBeGreaterThan(10);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_]+$/);
    for (const edge of edges) expect(edge.label).not.toMatch(/["|]/);
  });

  it("marks world peers with the world class", () => {
    const nodes = planMermaid(compile({ name: "nodes", profiles: ["rancher-nodes"], groups: { nodes: { roles: ["rancherNode"] } } }));
    expect(nodes).toContain('  p_0_0_0_0_0_rancher_nodes_table("0.0.0.0/0 (rancher-nodes table)")');
    expect(nodes).toMatch(/\n {2}classDef world [^\n]+\n/);
    expect(nodes).toContain("\n  class p_0_0_0_0_0_rancher_nodes_table world\n");
    expect(mermaid).not.toMatch(/class [^\n]* world\n/);
  });

  it("puts groups in one subgraph per cluster when there are several", () => {
    const dce = planMermaid(
      compile({
        name: "dce",
        profiles: ["dce5"],
        clusters: { global: { kind: "global" }, prod: { kind: "worker" } },
        groups: {
          "global-masters": { roles: ["controlPlane", "worker"], cluster: "global" },
          "prod-masters": { roles: ["controlPlane", "worker"], cluster: "prod" },
        },
      }),
    );
    expect(dce).toContain('  subgraph cluster_global["cluster global"]\n    g_global_masters["global-masters: controlPlane, worker"]\n  end\n');
    expect(dce).toContain('  subgraph cluster_prod["cluster prod (worker)"]\n    g_prod_masters["prod-masters: controlPlane, worker"]\n  end\n');
    expect(mermaid).not.toContain("subgraph");
  });

  it("is identical for two compiles of the same layout", () => {
    expect(planMermaid(compile(structuredClone(layout)))).toBe(mermaid);
  });
});

describe("edgeLabel", () => {
  it("merges touching ranges per protocol: TCP 2379-2380 + 2381 and 6443; UDP 8472", () => {
    expect(
      edgeLabel([
        { protocol: "udp", ports: { from: 8472, to: 8472 } },
        { protocol: "tcp", ports: { from: 6443, to: 6443 } },
        { protocol: "tcp", ports: { from: 2381, to: 2381 } },
        { protocol: "tcp", ports: { from: 2379, to: 2380 } },
      ]),
    ).toBe("TCP 2379-2381, 6443; UDP 8472");
  });

  it("names ICMP types and port-less protocols", () => {
    expect(edgeLabel([{ protocol: "esp" }, { protocol: "icmp", icmp: { type: 8 } }, { protocol: "icmp", icmp: { type: 0 } }])).toBe("ICMP type 8, type 0; ESP (50)");
  });
});

describe("mermaidText", () => {
  it("turns characters Mermaid would parse into entities", () => {
    expect(mermaidText('a "b" <c> | #d')).toBe("a #quot;b#quot; #lt;c#gt; #124; #35;d");
  });
});
