/**
 * Composing into an existing NSG: the component reads it (an invoke), outputs its real id, and
 * warns when one of the NSG's own rules sits on a priority kubeports assigns. The recording mocks
 * answer invokes with their inputs, so this file installs mocks whose invoke answers like Azure.
 */
import { describe, expect, it, vi } from "vitest";
import * as pulumi from "@pulumi/pulumi";
import { AzureClusterFirewall, type AzureClusterFirewallArgs } from "../components/azure";
import { resolveAzureArgs } from "../components/azure/azureArgs";
import { translatePlan } from "../components/azure/azureRules";
import type { Layout } from "../components/model/layout";

const NSG_ID = "/subscriptions/0000/resourceGroups/net-rg/providers/Microsoft.Network/networkSecurityGroups/subnet-nsg";

const LAYOUT: Layout = {
  name: "sk",
  profiles: ["super-kubenetes"],
  options: { calicoMode: "vxlan" },
  groups: { masters: { roles: ["controlPlane", "etcd"] }, workers: { roles: ["worker"] } },
};
const ARGS: AzureClusterFirewallArgs = { layout: LAYOUT, resourceGroupName: "net-rg", existingNetworkSecurityGroupName: "subnet-nsg" };

function value<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply((v) => (resolve(v), v)));
}

describe("AzureClusterFirewall on an existing NSG", () => {
  it("reads the NSG, outputs its id, and warns about a foreign rule on one of its priorities", async () => {
    const resolved = resolveAzureArgs("team", ARGS);
    const ours = translatePlan(resolved.plan, resolved.translate).rules.find((r) => r.name === "team-workers-in-nodes-tcp-calico-and-4-ba287")!;
    const invokes: { token: string; inputs: Record<string, unknown> }[] = [];
    await pulumi.runtime.setMocks(
      {
        newResource: (args) => ({ id: `${args.name}-id`, state: args.inputs }),
        call: (args) => {
          invokes.push({ token: args.token, inputs: args.inputs as Record<string, unknown> });
          if (args.token !== "azure-native:network:getNetworkSecurityGroup") return args.inputs;
          return {
            id: NSG_ID,
            name: "subnet-nsg",
            securityRules: [
              { name: "team-ssh-from-bastion", priority: ours.priority, direction: "Inbound" },
              // kubeports' own rule from the last deployment is not a conflict.
              { name: ours.name, priority: ours.priority, direction: "Inbound" },
              { name: "team-outbound", priority: ours.priority, direction: "Outbound" },
            ],
          };
        },
      },
      "kubeports",
      "test",
      false,
    );
    const warn = vi.spyOn(pulumi.log, "warn").mockImplementation(() => Promise.resolve());
    const firewall = new AzureClusterFirewall("team", ARGS);
    expect(await value(firewall.networkSecurityGroupId)).toBe(NSG_ID);
    expect(await value(firewall.networkSecurityGroupName)).toBe("subnet-nsg");
    expect(invokes).toContainEqual({ token: "azure-native:network:getNetworkSecurityGroup", inputs: { resourceGroupName: "net-rg", networkSecurityGroupName: "subnet-nsg" } });
    for (let i = 0; i < 10; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    const warnings = warn.mock.calls.map(([message]) => message);
    expect(warnings).toEqual([
      ...firewall.warnings.map((w) => w.message),
      `existing rule team-ssh-from-bastion uses Inbound priority ${ours.priority}, which kubeports assigns to ${ours.name}; move your rule into reservedPriorities (or reserve a band around it)`,
    ]);
  });
});
