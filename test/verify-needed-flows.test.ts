/**
 * The flows verify checks: the plan's group->group and peer->group flows plus the connectivity
 * model's, deduplicated with every origin kept; a model flow from a peer the layout gives no
 * CIDRs, or to a group no machine runs as, is blocked rather than passing by default.
 */
import { describe, expect, it } from "vitest";
import { compile } from "../components/compiler/compile";
import type { RequiredFlow } from "../components/connectivity/requiredFlow";
import { firewallFor } from "../components/verify/firewallFor";
import { neededFlows } from "../components/verify/neededFlows";
import { translatedResources } from "../components/verify/translatedResources";
import { verifyPlan } from "../components/verify/verifyPlan";

const plan = compile({
  name: "lab",
  profiles: ["kubernetes", "flannel"],
  options: { cni: "flannel" },
  groups: { masters: { roles: ["controlPlane", "etcd"] }, workers: { roles: ["worker"] } },
  peers: { apiClients: ["192.0.2.0/24", "2001:db8::/48"] },
});
const model = (flow: Partial<RequiredFlow>): RequiredFlow => ({
  requirement: "kubelet",
  description: "kubelet from the control plane",
  source: "https://kubernetes.io/docs/reference/networking/ports-and-protocols/",
  from: { kind: "group", group: "masters" },
  to: "workers",
  protocol: "tcp",
  ports: { from: 10250, to: 10250 },
  ...flow,
});

describe("needed flows", () => {
  it("holds every group->group and peer->group flow of the plan, one per CIDR, and no egress-only flow", () => {
    const flows = neededFlows(plan);
    const ingress = plan.groups.flatMap((g) => g.ingress.filter((f) => f.peer.kind !== "host"));
    expect(flows).toHaveLength(ingress.length);
    expect(flows.map((f) => f.key)).toContain("tcp:6443:cidr:2001:db8::/48->masters");
    expect(flows.every((f) => f.origins.every((o) => o.kind === "vendor"))).toBe(true);
  });

  it("a model flow the vendor rows already have is one flow with both origins", () => {
    const flows = neededFlows(plan, [model({})]);
    expect(flows).toHaveLength(neededFlows(plan).length);
    const kubelet = flows.find((f) => f.key === "tcp:10250:group:masters->workers")!;
    expect(kubelet.origins.map((o) => `${o.kind}:${o.id}`)).toEqual(["model:kubelet", "vendor:kubernetes/kubelet-worker"]);
  });

  it("a model flow from a peer resolves to the peer's CIDRs", () => {
    const flows = neededFlows(plan, [model({ requirement: "lb", from: { kind: "peer", peer: "apiClients" }, to: "masters", ports: { from: 9345, to: 9345 } })]);
    expect(flows.filter((f) => f.origins.some((o) => o.id === "lb")).map((f) => f.key)).toEqual(["tcp:9345:cidr:192.0.2.0/24->masters", "tcp:9345:cidr:2001:db8::/48->masters"]);
  });

  it("a model flow from a peer without CIDRs, or to a group without machines, is blocked, not passed", () => {
    const firewall = firewallFor("aws", translatedResources(plan, "aws"));
    const result = verifyPlan(plan, firewall, "lab", [
      model({ requirement: "lb", from: { kind: "peer", peer: "loadBalancer" }, to: "masters" }),
      model({ requirement: "ghost", to: "ghosts" }),
    ]);
    expect(result.checks.filter((c) => !c.allowed).map((c) => [c.flow.key, c.blocked])).toEqual([
      ["tcp:10250:group:masters->ghosts", "no machine runs as node group ghosts, so nothing can carry the flow"],
      ["tcp:10250:peer:loadBalancer->masters", "peer loadBalancer has no CIDRs in the layout, so nothing can let it in"],
    ]);
  });

  it("a model flow the firewall does not open is blocked with the rule that is missing", () => {
    const firewall = firewallFor("gcp", translatedResources(plan, "gcp"));
    const result = verifyPlan(plan, firewall, "lab", [model({ requirement: "typha", protocol: "tcp", from: { kind: "group", group: "workers" }, to: "workers", ports: { from: 5473, to: 5473 } })]);
    expect(result.blocked).toBe(1);
    expect(result.checks.find((c) => !c.allowed)!.blocked).toContain("implied deny ingress (65535)");
  });
});
