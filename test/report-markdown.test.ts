/** The Markdown report: the tables a reviewer reads in a pull request, checked row by row. */
import { describe, expect, it } from "vitest";
import { compile } from "../components/compiler/compile";
import { formatPortRange } from "../components/model/ports";
import { escapeCell, planMarkdown } from "../components/reports/planMarkdown";

const layout = {
  name: "kubesphere-lab",
  profiles: ["super-kubenetes"],
  options: { offline: true },
  groups: {
    masters: { roles: ["controlPlane", "etcd"] },
    workers: { roles: ["worker"] },
  },
  peers: { admin: ["192.0.2.0/24"], apiClients: ["198.51.100.0/24"] },
  rules: [
    {
      id: "exporter",
      description: "node exporter | scraped by <prometheus>",
      protocols: ["tcp"],
      ports: "9796",
      from: [{ peer: "monitoring" }],
      to: { role: "worker" },
    },
    {
      id: "mirror",
      description: "package mirror",
      protocols: ["tcp"],
      ports: "443",
      from: [{ role: "worker" }],
      to: { hosts: ["mirror.example.com"] },
    },
  ],
};

const markdown = planMarkdown(compile({ ...layout, peers: { ...layout.peers, monitoring: ["10.9.0.0/16"] } }));

/** The lines of one `## ...` section, up to the next one. */
function section(title: string): string[] {
  const lines = markdown.split("\n");
  const start = lines.indexOf(`## ${title}`);
  expect(start, `section "${title}"`).toBeGreaterThanOrEqual(0);
  const end = lines.findIndex((line, index) => index > start && line.startsWith("## "));
  return lines.slice(start, end === -1 ? undefined : end);
}

/** Table rows (not header or rule) between a `### title` heading and the next heading. */
function tableRows(lines: readonly string[], heading: string): string[] {
  const start = lines.findIndex((line) => line.startsWith(`### ${heading}`));
  expect(start, `heading "${heading}"`).toBeGreaterThanOrEqual(0);
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((line) => line.startsWith("#"));
  return rest.slice(0, end === -1 ? undefined : end).filter((line) => line.startsWith("| ")).slice(1);
}

/** Cells split on unescaped pipes. */
function cells(row: string): string[] {
  return row.split(/(?<!\\)\|/).slice(1, -1).map((cell) => cell.trim());
}

describe("planMarkdown", () => {
  it("starts with a heading naming the layout and ends with one newline", () => {
    expect(markdown.startsWith("# kubeports plan: `kubesphere-lab`\n")).toBe(true);
    expect(markdown.endsWith("\n")).toBe(true);
    expect(markdown.endsWith("\n\n")).toBe(false);
  });

  it("lists the profiles with their documents", () => {
    expect(section("Profiles")).toContain("| `super-kubenetes` | Super Kubenetes (KubeSphere/KubeKey) port requirements | Super Kubenetes: Port Requirements (000_d5e27fa0bf6b16e4.txt) |");
  });

  it("lists only options that differ from the defaults", () => {
    const options = section("Options").join("\n");
    expect(options).toContain("| `offline` | `true` | `false` | Offline (air-gapped) installation");
    expect(options).not.toContain("`cni`");
  });

  it("says so when every option has its default", () => {
    // KubeKey's installer default turns Typha on (installer-default note); say it off to see all defaults.
    const plain = planMarkdown(compile({ ...layout, options: { calicoTypha: false }, rules: [] }));
    expect(plain).toContain("## Options\n\nEvery option has its default value.\n");
  });

  it("shows the etcd self flow on masters, citing the document row", () => {
    const rows = tableRows(section("Node group `masters`"), "Ingress");
    expect(rows).toContain("| 2379-2380 | TCP | itself | etcd | Super Kubenetes: Port Requirements (000_d5e27fa0bf6b16e4.txt): table row 2: etcd TCP 2379-2380 |");
  });

  it("names other groups, and CIDRs with their peer names, as sources", () => {
    const rows = tableRows(section("Node group `masters`"), "Ingress");
    expect(rows).toContain("| 6443 | TCP | workers | apiserver | Super Kubenetes: Port Requirements (000_d5e27fa0bf6b16e4.txt): table row 3: apiserver TCP 6443 |");
    expect(rows).toContain("| 6443 | TCP | 198.51.100.0/24 (apiClients) | apiserver | Super Kubenetes: Port Requirements (000_d5e27fa0bf6b16e4.txt): table row 3: apiserver TCP 6443 |");
    expect(rows).toContain("| - | IP-in-IP (4) | itself | ipip (IPENCAP) | Super Kubenetes: Port Requirements (000_d5e27fa0bf6b16e4.txt): table row 13: ipip IPENCAP / IPIP |");
  });

  it("has one table row per ingress flow, in plan order", () => {
    const plan = compile({ ...layout, peers: { ...layout.peers, monitoring: ["10.9.0.0/16"] } });
    const workers = plan.groups.find((g) => g.name === "workers")!;
    const rows = tableRows(section("Node group `workers`"), "Ingress");
    expect(rows).toHaveLength(workers.ingress.length);
    expect(rows.map((row) => cells(row)[0])).toEqual(workers.ingress.map((flow) => (flow.ports ? formatPortRange(flow.ports) : "-")));
  });

  it("escapes pipes and HTML in cells so every row keeps five columns", () => {
    const rows = tableRows(section("Node group `workers`"), "Ingress");
    const exporter = rows.find((row) => row.startsWith("| 9796 |"));
    expect(exporter).toBe("| 9796 | TCP | 10.9.0.0/16 (monitoring) | node exporter \\| scraped by &lt;prometheus&gt; | layout kubesphere-lab: rules: exporter |");
    for (const row of rows) expect(cells(row)).toHaveLength(5);
  });

  it("lists only egress that leaves the layout, and counts the mirrored group egress", () => {
    const plan = compile({ ...layout, peers: { ...layout.peers, monitoring: ["10.9.0.0/16"] } });
    const workers = plan.groups.find((g) => g.name === "workers")!;
    const lines = section("Node group `workers`");
    expect(tableRows(lines, "Egress")).toEqual(["| 443 | TCP | mirror.example.com | package mirror | layout kubesphere-lab: rules: mirror |"]);
    const mirrored = workers.egress.filter((flow) => flow.peer.kind === "group").length;
    expect(mirrored).toBeGreaterThan(0);
    expect(lines).toContain(`\`workers\` also has ${mirrored} egress rules to node groups, each the mirror of an ingress row in the target group's table.`);
    expect(lines.indexOf("### Ingress: what `workers` accepts")).toBeLessThan(lines.indexOf("### Egress: what `workers` sends outside the layout"));
  });

  it("lists notes and disagreements", () => {
    expect(section("Notes").join("\n")).toContain('**peer-unset** (super-kubenetes row `nodeport`): nodeport: from peer "workloadClients"');
    expect(section("Disagreements").join("\n")).toContain(
      '**calico-9100** (super-kubenetes row `calico`): the document says "calico TCP 9099-9100"; [docs.tigera.io/calico/latest/reference/felix/configuration](https://docs.tigera.io/calico/latest/reference/felix/configuration) says',
    );
    expect(section("Warnings").join("\n")).toContain("**supplement** (`workers`, `requirement:kubelet`): workers needs TCP 10250 from masters");
  });

  it("lists the supplements with their upstream requirement and the documents that omit them", () => {
    const rows = section("Supplements: what the cluster needs and the documents omit").filter((line) => line.startsWith("| `"));
    expect(rows).toContainEqual(
      "| `workers` | masters | 10250 | TCP | kubelet: Kubelet API from the control plane | " +
        "https://kubernetes.io/docs/reference/networking/ports-and-protocols/ (Worker node(s): TCP Inbound 10250 Kubelet API, used by Self, Control plane) | `super-kubenetes` |",
    );
    const kubelet = tableRows(section("Node group `workers`"), "Ingress").find((row) => row.startsWith("| 10250 |"));
    expect(kubelet).toContain("supplement: not in super-kubenetes");
  });

  it("marks world sources and lists the warnings", () => {
    const nodes = planMarkdown(compile({ name: "nodes", profiles: ["rancher-nodes"], groups: { nodes: { roles: ["rancherNode"] } } }));
    expect(nodes).toContain("| 80 | TCP | **0.0.0.0/0 (rancher-nodes table)** (anywhere) | HTTP |");
    expect(nodes).toContain(
      "\n- **world-open** (`nodes`, `in:tcp:80:cidr:0.0.0.0/0`): `nodes` accepts TCP 80 from 0.0.0.0/0: the vendor document prescribes it (row `rancher-nodes/http`: [Rancher v2.x: Port Requirements](https://rancher.com/docs/rancher/v2.x/en/installation/requirements/ports/):",
    );
  });

  it("shows local probes in their own table", () => {
    const rancher = planMarkdown(
      compile({
        name: "rancher",
        profiles: ["rancher"],
        options: { downstream: "custom" },
        clusters: { rancher: { kind: "rancher" }, prod: { kind: "downstream" } },
        groups: {
          "rancher-servers": { roles: ["rancherServer"], cluster: "rancher" },
          "prod-workers": { roles: ["worker", "etcd", "controlPlane"], cluster: "prod" },
        },
      }),
    );
    const workers = rancher.slice(rancher.indexOf("## Node group `prod-workers`"));
    expect(workers).toContain("### Local probes: documented, no rule needed");
  });

  it("is identical for two compiles of the same layout", () => {
    const input = { ...layout, peers: { ...layout.peers, monitoring: ["10.9.0.0/16"] } };
    expect(planMarkdown(compile(input))).toBe(planMarkdown(compile(structuredClone(input))));
  });
});

describe("escapeCell", () => {
  it("escapes pipes, backslashes, asterisks and angle brackets, and joins lines", () => {
    expect(escapeCell("a|b \\ <c>\n d")).toBe("a\\|b \\\\ &lt;c&gt; d");
    expect(escapeCell("*.docker.io, *.k8s.io")).toBe("\\*.docker.io, \\*.k8s.io");
  });
});
