/**
 * Completeness by default: what the connectivity model requires and the vendor rows leave
 * out is added as a supplement (with its upstream source and the documents that omit it),
 * reported only (warn), or refused (strict); installer defaults replace vendor defaults where
 * the layout leaves an option unset; pod-addressed modes are refused by every cloud shell.
 */
import { describe, expect, it } from "vitest";
import { compile } from "../components/compiler/compile";
import { resolveFirewallArgs } from "../components/aws/firewallArgs";
import { resolveAzureArgs } from "../components/azure/azureArgs";
import { podRoutingIssues } from "../components/connectivity/podRouting";
import { resolveGcpArgs } from "../components/gcp/gcpArgs";
import { KubeportsError } from "../components/model/errors";
import type { Layout } from "../components/model/layout";
import { planJson } from "../components/reports/planJson";
import { planMarkdown } from "../components/reports/planMarkdown";

const apinizer: Layout = {
  name: "api",
  profiles: ["apinizer"],
  groups: { masters: { roles: ["controlPlane"] }, workers: { roles: ["worker"] } },
};

function issuesOf(input: unknown): { path: string; message: string }[] {
  try {
    compile(input);
  } catch (error) {
    if (error instanceof KubeportsError) return [...error.issues];
    throw error;
  }
  throw new Error("compiled without error");
}

const workerVxlan = (plan: ReturnType<typeof compile>) =>
  plan.groups.find((g) => g.name === "workers")!.ingress.find((f) => f.protocol === "udp" && f.ports?.from === 8472 && f.peer.kind === "group" && f.peer.group === "workers");

describe("completeness: supplement (the default)", () => {
  const plan = compile(apinizer);

  it("adds the flow the vendor page omits, with a reason naming the upstream requirement and the omitting document", () => {
    expect(workerVxlan(plan)?.reasons).toEqual([
      {
        profile: "connectivity-model",
        row: "flannel-vxlan",
        description: "Flannel VXLAN overlay between all nodes (supplement: not in apinizer)",
        document: "https://github.com/flannel-io/flannel/blob/master/Documentation/backends.md",
        documentRow: "VXLAN: Port, on Linux defaults to kernel default, currently 8472",
      },
    ]);
    // A group-to-group supplement is egress on the sender too, like every group flow.
    const egress = plan.groups.find((g) => g.name === "workers")!.egress;
    expect(egress.some((f) => f.protocol === "udp" && f.ports?.from === 8472 && f.peer.kind === "group" && f.peer.group === "workers")).toBe(true);
  });

  it("records it in plan.supplements and as a supplement warning (which the shells log as preview warnings)", () => {
    expect(plan.supplements).toEqual([
      {
        requirement: "flannel-vxlan",
        description: "Flannel VXLAN overlay between all nodes",
        source: "https://github.com/flannel-io/flannel/blob/master/Documentation/backends.md",
        sourceRow: "VXLAN: Port, on Linux defaults to kernel default, currently 8472",
        group: "workers",
        from: { kind: "group", group: "workers" },
        protocol: "udp",
        ports: { from: 8472, to: 8472 },
        omittedBy: ["apinizer"],
      },
    ]);
    const warning = plan.warnings.find((w) => w.code === "supplement")!;
    expect(warning).toMatchObject({ group: "workers", flow: "requirement:flannel-vxlan" });
    expect(warning.message).toContain("workers needs UDP 8472 from workers");
    expect(warning.message).toContain("apinizer (003_28c0748e70da3eff.txt) omits it");
  });

  it("adds nothing the vendor rows already allow", () => {
    const dce = compile({
      name: "dce",
      profiles: ["dce5"],
      groups: { masters: { roles: ["controlPlane"] }, workers: { roles: ["worker"] } },
    });
    expect(dce.supplements).toEqual([]);
    expect(dce.warnings.filter((w) => w.code === "supplement")).toEqual([]);
  });

  it("admits a peer's CIDRs as a supplement where no rule contains them (Rancher's load balancer)", () => {
    const rancher = compile({
      name: "r",
      profiles: ["rancher"],
      clusters: { local: { kind: "rancher" } },
      groups: { servers: { roles: ["rancherServer"], cluster: "local" } },
      peers: { rancherLoadBalancer: ["10.0.1.0/24"] },
    });
    const https = rancher.groups[0]!.ingress.find((f) => f.ports?.from === 443 && f.peer.kind === "cidr")!;
    expect(https.peer).toMatchObject({ kind: "cidr", cidr: "10.0.1.0/24", peers: ["rancherLoadBalancer"] });
    expect(https.reasons[0]!.row).toBe("rancher-lb-https");
    // A layout rule from a CIDR that contains the peer's already admits it.
    const covered = compile({
      name: "r",
      profiles: ["rancher"],
      clusters: { local: { kind: "rancher" } },
      groups: { servers: { roles: ["rancherServer"], cluster: "local" } },
      peers: { rancherLoadBalancer: ["10.0.1.0/24"] },
      rules: [{ id: "lb", description: "the LB", protocols: ["tcp"], ports: ["80", "443"], from: [{ cidrs: ["10.0.0.0/16"], label: "vpc" }], to: { group: "servers" } }],
    });
    expect(covered.supplements).toEqual([]);
  });

  it("is byte-deterministic", () => {
    expect(planJson(compile(structuredClone(apinizer)))).toBe(planJson(plan));
  });
});

describe("supplements in the reports", () => {
  it("the Korean Markdown report has the supplements section too", () => {
    const text = planMarkdown(compile(apinizer), "ko");
    expect(text).toContain("## 보충: 클러스터에 필요하지만 문서에 빠진 흐름");
    expect(text).toContain("| `workers` | workers | 8472 | UDP | flannel-vxlan: Flannel VXLAN overlay between all nodes |");
  });
});

describe("completeness: warn", () => {
  it("reports the missing flow and adds nothing", () => {
    const plan = compile({ ...apinizer, completeness: "warn" });
    expect(workerVxlan(plan)).toBeUndefined();
    expect(plan.supplements).toEqual([]);
    const warning = plan.warnings.find((w) => w.code === "incomplete")!;
    expect(warning).toMatchObject({ group: "workers", flow: "requirement:flannel-vxlan" });
    expect(warning.message).toContain("it is not added (completeness: warn)");
  });
});

describe("completeness: strict", () => {
  it("fails, naming each missing flow, its source and the fix", () => {
    const issues = issuesOf({ ...apinizer, completeness: "strict" });
    expect(issues).toEqual([
      {
        path: "layout.completeness",
        message: expect.stringMatching(/^workers needs UDP 8472 from workers \(Flannel VXLAN overlay between all nodes, https:\/\/github\.com\/flannel-io.*which no row of apinizer opens; add it with layout\.rules .*or set completeness: supplement/),
      },
    ]);
  });

  it("passes once a layout rule opens the flow", () => {
    const plan = compile({
      ...apinizer,
      completeness: "strict",
      rules: [{ id: "w2w-vxlan", description: "Flannel between workers", protocols: ["udp"], ports: "8472", from: [{ role: "worker" }], to: { role: "worker" } }],
    });
    expect(plan.supplements).toEqual([]);
  });

  it("rejects an unknown mode, naming the field, the value and what is allowed", () => {
    expect(issuesOf({ ...apinizer, completeness: "strikt" })).toEqual([
      { path: "layout.completeness", message: expect.stringContaining('invalid value "strikt" (allowed: "supplement", "warn", "strict"') },
    ]);
  });
});

describe("installer defaults", () => {
  const rke2 = { name: "rke2", profiles: ["rke2"], groups: { servers: { roles: ["controlPlane"] }, agents: { roles: ["worker"] } } };

  it("RKE2 with Calico: VXLAN and Typha, as RKE2's chart and the Tigera operator install it, said in the plan", () => {
    const plan = compile({ ...rke2, options: { cni: "calico" } });
    expect(plan.options).toMatchObject({ calicoMode: "vxlan", calicoTypha: true });
    const notes = plan.notes.filter((n) => n.code === "installer-default");
    expect(notes.map((n) => [n.profile, n.row])).toEqual([
      ["rke2", "options.calicoMode"],
      ["rke2", "options.calicoTypha"],
    ]);
    expect(notes[0]!.message).toContain("https://github.com/rancher/rke2-charts/");
    expect(notes[1]!.message).toContain("Operator based installations always include Typha");
    // RKE2's own rows for the resolved mode apply: VXLAN and Typha, no BGP.
    const agents = plan.groups.find((g) => g.name === "agents")!.ingress;
    expect(agents.some((f) => f.ports?.from === 4789)).toBe(true);
    expect(agents.some((f) => f.ports?.from === 5473)).toBe(true);
    expect(agents.some((f) => f.ports?.from === 179)).toBe(false);
  });

  it("leaves options the layout sets alone, and says nothing", () => {
    const plan = compile({ ...rke2, options: { cni: "calico", calicoMode: "ipip", calicoTypha: false } });
    expect(plan.options).toMatchObject({ calicoMode: "ipip", calicoTypha: false });
    expect(plan.notes.filter((n) => n.code === "installer-default")).toEqual([]);
  });

  it("DCE 5.0 (Kubean runs Kubespray): Calico VXLAN", () => {
    const plan = compile({ name: "dce", profiles: ["dce5"], groups: { masters: { roles: ["controlPlane"] }, workers: { roles: ["worker"] } } });
    expect(plan.options.calicoMode).toBe("vxlan");
    expect(plan.notes.find((n) => n.code === "installer-default")!.message).toContain("kubernetes-sigs/kubespray");
  });

  it("KubeKey: Typha, which it runs above 50 nodes", () => {
    const plan = compile({ name: "kk", profiles: ["super-kubenetes"], groups: { masters: { roles: ["controlPlane", "etcd"] }, workers: { roles: ["worker"] } } });
    expect(plan.options.calicoTypha).toBe(true);
    expect(plan.notes.find((n) => n.code === "installer-default")!.message).toContain("more than 50 Kubernetes nodes");
    expect(plan.supplements!.filter((s) => s.requirement === "calico-typha").length).toBe(4);
  });

  it("does not apply to a CNI the installer default is not about", () => {
    expect(compile({ ...rke2 }).notes.filter((n) => n.code === "installer-default")).toEqual([]);
  });
});

describe("pod-addressed modes on the clouds", () => {
  const plan = compile({
    name: "bgp",
    profiles: ["kubernetes"],
    options: { cni: "calico", calicoMode: "bgp" },
    groups: { cp: { roles: ["controlPlane", "etcd"] }, workers: { roles: ["worker"] } },
    podCidr: "10.244.0.0/16",
  });

  it("the plan admits the pod CIDR on every node and lists it as the pods peer", () => {
    expect(plan.peers).toContainEqual({ name: "pods", cidrs: ["10.244.0.0/16"] });
    for (const group of plan.groups) {
      expect(group.ingress.some((f) => f.protocol === "all" && f.peer.kind === "cidr" && f.peer.cidr === "10.244.0.0/16"), group.name).toBe(true);
    }
  });

  it.each([
    ["aws", "source/destination check"],
    ["gcp", "canIpForward"],
    ["azure", "IP forwarding on every NIC and a user-defined route table"],
  ] as const)("%s refuses it, with what the cloud needs and the fix", (cloud, needs) => {
    const issues = podRoutingIssues(plan, cloud);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message).toContain(needs);
    expect(issues[0]!.message).toContain("calicoMode: vxlan");
  });

  it("every cloud shell checks it before registering anything", () => {
    const layout = {
      name: "bgp",
      profiles: ["kubernetes"],
      options: { cni: "calico", calicoMode: "bgp" },
      groups: { cp: { roles: ["controlPlane", "etcd"] }, workers: { roles: ["worker"] } },
      podCidr: "10.244.0.0/16",
    } as const;
    expect(() => resolveFirewallArgs("bgp", { vpcId: "vpc-0123456789abcdef0", layout })).toThrow(/source\/destination check/);
    expect(() => resolveGcpArgs("bgp", { layout, network: "k8s", project: "acme" })).toThrow(/canIpForward/);
    expect(() => resolveAzureArgs("bgp", { layout, resourceGroupName: "rg" })).toThrow(/user-defined route table/);
  });

  it("rejects a malformed pod CIDR, naming the field and what was meant", () => {
    expect(issuesOf({ ...apinizer, podCidr: "10.244.0.5/16" })).toEqual([
      { path: "layout.podCidr", message: expect.stringContaining('has host bits set (did you mean "10.244.0.0/16"?)') },
    ]);
  });

  it("says nothing for encapsulating modes", () => {
    expect(podRoutingIssues(compile({ ...apinizer }), "aws")).toEqual([]);
  });
});
