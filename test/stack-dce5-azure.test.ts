/** The dce5-azure stack offline: bootstrap, global and worker clusters, Calico VXLAN, Azure LBs for the VIPs. */
import { beforeAll, describe, expect, it } from "vitest";
import { compile } from "../components/compiler/compile";
import type { StackPreview } from "../components/preview/previewStack";
import { stackPlanLayout } from "../components/stackFiles/stackPlanLayout";
import { PROJECT, ofType, preview } from "./support/previewedStack";

const RULE = "azure-native:network:SecurityRule";
const ASG = "azure-native:network:ApplicationSecurityGroup";

let stack: StackPreview;
beforeAll(async () => {
  stack = await preview("dce5-azure");
});

describe("dce5-azure", () => {
  it("exports the firewall plan's warnings", () => {
    const planned = compile(stackPlanLayout(PROJECT, "dce5-azure").layout).warnings.map((w) => w.message);
    const exported = stack.outputs.warnings as string[];
    expect(exported).toEqual(planned);
  });

  it("creates one NSG on the subnet and one application security group per node group", () => {
    const nsg = ofType(stack, "azure-native:network:NetworkSecurityGroup")[0]!;
    const subnet = ofType(stack, "azure-native:network:Subnet")[0]!;
    expect(subnet.inputs.networkSecurityGroup).toEqual({ id: nsg.id });
    expect(ofType(stack, ASG)).toHaveLength(6);
  });

  it("uses VXLAN (UDP 4789) and never IP-in-IP, which Azure cannot carry", () => {
    const rules = ofType(stack, RULE).filter((r) => r.inputs.access === "Allow");
    expect(rules.some((r) => r.inputs.protocol === "Udp" && (r.inputs.destinationPortRanges as string[]).includes("4789"))).toBe(true);
    expect(rules.filter((r) => r.inputs.protocol === "*" && r.inputs.direction === "Inbound")).toEqual([]);
  });

  it("gives rules unique priorities per direction within 100-4096", () => {
    for (const direction of ["Inbound", "Outbound"]) {
      const priorities = ofType(stack, RULE).filter((r) => r.inputs.direction === direction).map((r) => r.inputs.priority as number);
      expect(new Set(priorities).size).toBe(priorities.length);
      for (const priority of priorities) expect(priority).toBeGreaterThanOrEqual(100), expect(priority).toBeLessThanOrEqual(4096);
    }
  });

  it("lets the global cluster reach the worker cluster on SSH and the API", () => {
    const asgs = Object.fromEntries(ofType(stack, ASG).map((a) => [a.name.replace("dce5-azure-", ""), a.id]));
    const toWorkMasters = ofType(stack, RULE).filter(
      (r) => (r.inputs.destinationApplicationSecurityGroups as { id: string }[] | undefined)?.[0]?.id === asgs["work-masters"] &&
        ((r.inputs.sourceApplicationSecurityGroups as { id: string }[] | undefined) ?? []).some((asg) => asg.id === asgs["global-workers"]),
    );
    const ports = toWorkMasters.flatMap((r) => r.inputs.destinationPortRanges as string[]);
    expect(ports).toEqual(expect.arrayContaining(["22", "6443"]));
  });

  it("puts each group's ASG on its scale set's NICs and the VIP targets in the load balancer pools", () => {
    const asgs = Object.fromEntries(ofType(stack, ASG).map((a) => [a.name.replace("dce5-azure-", ""), a.id]));
    for (const set of ofType(stack, "azure-native:compute:VirtualMachineScaleSet")) {
      const group = set.name.replace("dce5-azure-", "");
      const ip = (set.inputs.virtualMachineProfile as any).networkProfile.networkInterfaceConfigurations[0].ipConfigurations[0];
      expect(ip.applicationSecurityGroups, group).toEqual([{ id: asgs[group] }]);
      const pools = (ip.loadBalancerBackendAddressPools as { id: string }[]).map((p) => p.id.split("/loadBalancers/")[1]);
      const expected = { "global-workers": ["dce5-azure-insight/backendAddressPools/targets", "dce5-azure-istio-gateway/backendAddressPools/targets"], "global-masters": ["dce5-azure-global-api/backendAddressPools/targets"] }[group] ?? [];
      expect(pools.sort(), group).toEqual(expected);
    }
    const lbs = ofType(stack, "azure-native:network:LoadBalancer");
    expect(lbs.map((lb) => lb.name).sort()).toEqual(["dce5-azure-global-api", "dce5-azure-insight", "dce5-azure-istio-gateway"]);
    const istio = lbs.find((lb) => lb.name === "dce5-azure-istio-gateway")!;
    expect((istio.inputs.loadBalancingRules as { frontendPort: number }[]).map((r) => r.frontendPort).sort()).toEqual([443, 80]);
  });

  it("exports every group's application security group", () => {
    expect(Object.keys(stack.outputs.applicationSecurityGroupIds as object).sort()).toEqual(["bootstrap", "global-masters", "global-workers", "registry", "work-masters", "work-workers"]);
  });
});
