/**
 * diffPlans on the project's real stacks: each test edits one thing a pull request would edit
 * (a port, the CNI mode, a peer's CIDR) and checks that the diff names exactly that change,
 * with the document rows behind it, and nothing else.
 */
import { describe, expect, it } from "vitest";
import { diffMarkdown } from "../components/diff/diffMarkdown";
import { diffMermaid } from "../components/diff/diffMermaid";
import { diffPlans } from "../components/diff/diffPlans";
import type { FlowChange, GroupDiff, PlanDiff } from "../components/diff/planDiff";
import { formatPortRange } from "../components/model/ports";
import type { Flow } from "../components/model/plan";
import { editedCluster, readCluster, stackPlan, STACKS } from "./diff-fixtures";

function diff(before: Parameters<typeof stackPlan>, after: Parameters<typeof stackPlan>): PlanDiff {
  return diffPlans({ label: "before", plan: stackPlan(...before) }, { label: "after", plan: stackPlan(...after) });
}

function group(d: PlanDiff, name: string): GroupDiff {
  const found = d.groups.find((g) => g.name === name);
  expect(found, `group ${name} in ${d.groups.map((g) => g.name).join(", ")}`).toBeDefined();
  return found!;
}

/** "in tcp 9443 <- admin", the shape of a change a reviewer reads. */
function flowWords(flow: Flow): string {
  const peer = flow.peer.kind === "group" ? flow.peer.group : flow.peer.kind === "cidr" ? flow.peer.cidr : flow.peer.host;
  return `${flow.protocol} ${flow.ports ? formatPortRange(flow.ports) : "-"} ${peer}`;
}

function words(changes: readonly FlowChange[]): string[] {
  return changes.map((c) => `${c.change} ${c.direction} ${c.before.map(flowWords).join(",")} => ${c.after.map(flowWords).join(",")}`);
}

const clusterOverride = (file: string) => ({ "kubeports:clusterFile": file });

describe("diffPlans: a stack against itself", () => {
  it.each(STACKS)("%s: no change", (stack) => {
    const d = diff([stack], [stack]);
    expect(d.changed).toBe(false);
    expect(d.groups).toEqual([]);
    expect(d.summary).toEqual({ groupsAdded: 0, groupsRemoved: 0, groupsChanged: 0, flowsAdded: 0, flowsRemoved: 0, flowsChanged: 0, warningsAdded: 0, warningsRemoved: 0, opensToWorld: 0 });
  });
});

describe("diffPlans: one port added (a layout rule in a copy of rancher-aws's cluster file)", () => {
  const file = editedCluster("rancher-aws", (cluster) => {
    cluster.layout.rules = [
      { id: "metrics", description: "Prometheus scrapes node exporter", protocols: ["tcp"], ports: "9796", from: [{ peer: "loadBalancer" }], to: { role: "worker" } },
    ];
  });
  const d = diff(["rancher-aws"], ["rancher-aws", clusterOverride(file)]);

  it("adds exactly one ingress flow, on the worker group, from the peer's CIDR", () => {
    expect(d.changed).toBe(true);
    expect(d.groups.map((g) => [g.name, g.status])).toEqual([["worker", "changed"]]);
    expect(words(group(d, "worker").changes)).toEqual(["added ingress  => tcp 9796 10.0.0.0/16"]);
    expect(d.summary).toMatchObject({ flowsAdded: 1, flowsRemoved: 0, flowsChanged: 0, opensToWorld: 0 });
  });

  it("keeps the row it came from", () => {
    const [added] = group(d, "worker").changes;
    expect(added!.after[0]!.reasons.map((r) => [r.profile, r.row, r.description])).toEqual([["layout", "metrics", "Prometheus scrapes node exporter"]]);
  });

  it("leaves options, warnings and notes alone", () => {
    expect(d.options).toEqual([]);
    expect(d.warnings).toEqual({ added: [], removed: [] });
    expect(d.notes).toEqual({ added: [], removed: [] });
  });
});

describe("diffPlans: the CNI switched (super-kubenetes-gcp, Calico IP-in-IP -> VXLAN)", () => {
  // The Super Kubenetes page documents only IP-in-IP, so a VXLAN switch adds Calico's own
  // requirements page (the `calico` overlay) for the VXLAN port.
  const file = editedCluster("super-kubenetes-gcp", (cluster) => {
    cluster.layout.options.calicoMode = "vxlan";
    cluster.layout.profiles = ["super-kubenetes", "calico"];
  });
  const d = diff(["super-kubenetes-gcp"], ["super-kubenetes-gcp", clusterOverride(file)]);

  it("removes IP-in-IP, IP protocol 94 and BGP and adds UDP 4789 between every pair of Calico nodes", () => {
    expect(d.options).toEqual([{ name: "calicoMode", before: "ipip", after: "vxlan" }]);
    expect(d.groups.map((g) => g.name)).toEqual(["masters", "workers"]);
    expect(words(group(d, "masters").changes.filter((c) => c.direction === "ingress"))).toEqual([
      "removed ingress ipip - masters => ",
      "removed ingress ipip - workers => ",
      "removed ingress ipip94 - masters => ",
      "removed ingress ipip94 - workers => ",
      "removed ingress tcp 179 masters => ",
      "removed ingress tcp 179 workers => ",
      "added ingress  => udp 4789 masters",
      "added ingress  => udp 4789 workers",
      // Typha (KubeKey's installer default) was a supplement; the calico page now documents it.
      "changed ingress tcp 5473 masters => tcp 5473 masters",
      "changed ingress tcp 5473 workers => tcp 5473 workers",
    ]);
    // Calico runs on masters and workers only: the registry and NFS nodes keep their rules.
    expect(d.groups.some((g) => g.name === "registry" || g.name === "nfs")).toBe(false);
  });

  it("cites the Calico page for the new port and the Super Kubenetes table for the removed ones", () => {
    const changes = group(d, "workers").changes;
    const vxlan = changes.find((c) => c.change === "added")!;
    expect(vxlan.after[0]!.reasons[0]!.document).toBe("https://docs.tigera.io/calico/latest/getting-started/kubernetes/requirements#network-requirements");
    const ipip = changes.find((c) => c.change === "removed" && c.protocol === "ipip")!;
    expect(ipip.before[0]!.reasons[0]!.documentRow).toBe("table row 13: ipip IPENCAP / IPIP");
  });

  it("counts the mirrored egress changes too (each is a rule on the other group)", () => {
    // Changed: Typha's reasons (now the calico page), and the kubelet supplement now omitted by super-kubenetes and calico.
    expect(d.summary).toMatchObject({ flowsAdded: 8, flowsRemoved: 24, flowsChanged: 10, groupsChanged: 2 });
  });
});

describe("diffPlans: a peer's CIDR narrowed (super-kubenetes-gcp's admin 203.0.113.0/24 -> /25)", () => {
  const d = diff(["super-kubenetes-gcp"], ["super-kubenetes-gcp", { "kubeports:adminCidrs": '["203.0.113.0/25"]' }]);

  it("is one changed flow per group: same port and named peer, another CIDR", () => {
    for (const name of ["masters", "workers"]) {
      expect(words(group(d, name).changes)).toEqual(["changed ingress tcp 22 203.0.113.0/24 => tcp 22 203.0.113.0/25"]);
      expect(group(d, name).changes[0]!.aspects).toEqual(["peer"]);
    }
    expect(d.summary).toMatchObject({ flowsAdded: 0, flowsRemoved: 0, flowsChanged: 2, opensToWorld: 0 });
  });

  it("does not touch apiClients, which keeps 203.0.113.0/24 for the API server", () => {
    expect(d.groups.flatMap((g) => g.changes).some((c) => c.protocol === "tcp" && c.after.some((f) => f.ports?.from === 6443))).toBe(false);
  });
});

describe("diffPlans: a port range widened and narrowed (apinizer-aws's kube-api load balancer)", () => {
  const widened = editedCluster("apinizer-aws", (cluster) => {
    cluster.loadBalancers["kube-api"].ports = [6443, 6444];
  });

  it("is a changed flow with both ranges, not a removal and an addition", () => {
    const d = diff(["apinizer-aws"], ["apinizer-aws", clusterOverride(widened)]);
    const changes = group(d, "masters").changes.filter((c) => c.direction === "ingress");
    expect(words(changes)).toEqual(["changed ingress tcp 6443 10.0.0.0/16 => tcp 6443-6444 10.0.0.0/16"]);
    expect(changes[0]!.aspects).toEqual(["ports"]);
  });

  it("reads the same backwards", () => {
    const d = diff(["apinizer-aws", clusterOverride(widened)], ["apinizer-aws"]);
    expect(words(group(d, "masters").changes.filter((c) => c.direction === "ingress"))).toEqual(["changed ingress tcp 6443-6444 10.0.0.0/16 => tcp 6443 10.0.0.0/16"]);
  });
});

describe("diffPlans: only the reasons changed", () => {
  it("is a changed flow whose aspect is its reasons, when a rule's description is reworded", () => {
    const rule = (description: string) => (cluster: Record<string, any>) => {
      cluster.layout.rules = [{ id: "metrics", description, protocols: ["tcp"], ports: "9796", from: [{ peer: "loadBalancer" }], to: { role: "worker" } }];
    };
    const d = diff(["rancher-aws", clusterOverride(editedCluster("rancher-aws", rule("node exporter")))], ["rancher-aws", clusterOverride(editedCluster("rancher-aws", rule("Prometheus node exporter")))]);
    const [changed] = group(d, "worker").changes;
    expect(words([changed!])).toEqual(["changed ingress tcp 9796 10.0.0.0/16 => tcp 9796 10.0.0.0/16"]);
    expect(changed!.aspects).toEqual(["reasons"]);
    expect([changed!.before[0]!.reasons[0]!.description, changed!.after[0]!.reasons[0]!.description]).toEqual(["node exporter", "Prometheus node exporter"]);
    // The reports say what the row said before, and only where it differs.
    expect(diffMarkdown(d)).toContain("| `~` | in | 9796 | TCP | 10.0.0.0/16 (loadBalancer) | Prometheus node exporter<br>was: node exporter | layout rancher-aws: rules: metrics |");
    expect(diffMermaid(d)).toContain('p_loadBalancer ==>|"~ TCP 9796 (document rows changed)"| g_worker');
  });
});

describe("diffPlans: opening to the internet", () => {
  const d = diff(["super-kubenetes-gcp"], ["super-kubenetes-gcp", { "kubeports:adminCidrs": '["0.0.0.0/0"]' }]);

  it("marks the change that lets 0.0.0.0/0 reach SSH, and adds the plan's world-open warnings", () => {
    const open = d.groups.flatMap((g) => g.changes.filter((c) => c.opensToWorld).map((c) => `${g.name}: ${words([c])[0]}`));
    expect(open).toEqual([
      "masters: changed ingress tcp 22 203.0.113.0/24 => tcp 22 0.0.0.0/0",
      "workers: changed ingress tcp 22 203.0.113.0/24 => tcp 22 0.0.0.0/0",
    ]);
    expect(d.summary.opensToWorld).toBe(2);
    expect(d.warnings.added.map((w) => [w.code, w.group, w.flow])).toEqual([
      ["world-open", "masters", "in:tcp:22:cidr:0.0.0.0/0"],
      ["world-open", "workers", "in:tcp:22:cidr:0.0.0.0/0"],
    ]);
    expect(d.warnings.added[0]!.subject?.key).toBe("in:tcp:22:cidr:0.0.0.0/0");
  });

  it("does not count closing it again as opening", () => {
    const back = diff(["super-kubenetes-gcp", { "kubeports:adminCidrs": '["0.0.0.0/0"]' }], ["super-kubenetes-gcp"]);
    expect(back.summary.opensToWorld).toBe(0);
    expect(back.warnings.removed).toHaveLength(2);
  });

  it("does not count egress to 0.0.0.0/0 (rancher-aws's K3s servers already send anywhere)", () => {
    const file = editedCluster("rancher-aws", (cluster) => {
      cluster.layout.groups["extra-servers"] = { roles: ["rancherServer"], cluster: "rancher" };
      cluster.machines["extra-servers"] = { size: "t3.large", image: "ami-0c7217cdde317cfec", count: 1 };
    });
    const added = diff(["rancher-aws"], ["rancher-aws", clusterOverride(file)]);
    const extra = group(added, "extra-servers");
    expect(extra.status).toBe("added");
    expect(extra.changes.some((c) => c.direction === "egress" && c.after.some((f) => f.peer.kind === "cidr" && f.peer.world))).toBe(true);
    expect(added.summary.opensToWorld).toBe(0);
  });
});

describe("diffPlans: groups added and removed, a stack that did not exist", () => {
  it("lists a removed group with every flow it had as removed", () => {
    const file = editedCluster("super-kubenetes-gcp", (cluster) => {
      delete cluster.layout.groups.nfs;
      delete cluster.machines.nfs;
      cluster.layout.options.nfs = false;
    });
    const d = diff(["super-kubenetes-gcp"], ["super-kubenetes-gcp", clusterOverride(file)]);
    const nfs = group(d, "nfs");
    const before = stackPlan("super-kubenetes-gcp").groups.find((g) => g.name === "nfs")!;
    expect(nfs).toMatchObject({ status: "removed", rolesBefore: ["nfsServer"], rolesAfter: null });
    expect(nfs.changes.every((c) => c.change === "removed")).toBe(true);
    expect(nfs.changes).toHaveLength(before.ingress.length + before.egress.length);
    expect(d.summary.groupsRemoved).toBe(1);
  });

  it("treats a missing before side as empty: every group is added", () => {
    const after = stackPlan("dce5-azure");
    const d = diffPlans({ label: "dce5-azure@base", plan: undefined }, { label: "dce5-azure", plan: after });
    expect(d.before.layout).toBeNull();
    expect(d.groups.map((g) => [g.name, g.status])).toEqual(after.groups.map((g) => [g.name, "added"]));
    expect(d.summary.flowsAdded).toBe(after.groups.reduce((n, g) => n + g.ingress.length + g.egress.length, 0));
  });

  it("compares two different stacks group by group", () => {
    const d = diff(["rancher-aws"], ["apinizer-aws"]);
    const readGroups = (stack: "rancher-aws" | "apinizer-aws") => Object.keys(readCluster(stack).layout.groups);
    expect(d.groups.filter((g) => g.status === "added").map((g) => g.name).sort()).toEqual(readGroups("apinizer-aws").sort());
    expect(d.groups.filter((g) => g.status === "removed").map((g) => g.name).sort()).toEqual(readGroups("rancher-aws").sort());
  });
});
