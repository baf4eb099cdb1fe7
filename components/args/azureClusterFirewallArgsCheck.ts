/** AzureClusterFirewall's args, checked by type before anything is registered (JavaScript callers). */
import { arg, argObject, argRecord, checkArgs } from "./argTypes";
import { firewallSourceFields, peersArg } from "./sharedArgs";

const PRIORITY = { min: 100, max: 4096 };

export const azureClusterFirewallArgsSchema = argObject(
  {
    ...firewallSourceFields,
    resourceGroupName: arg.inputString('give the resource group\'s name, for example resourceGroup.name or "k8s-network-rg"'),
    location: arg.inputString('give an Azure region, for example "westeurope"').optional(),
    peers: peersArg.optional(),
    existingNetworkSecurityGroupName: arg.inputString('give the NSG\'s name (not its id), for example "k8s-subnet-nsg"').optional(),
    groups: argRecord(
      argObject(
        { existingApplicationSecurityGroupId: arg.inputString("give the application security group's resource id, for example asg.id").optional() },
        "an object { existingApplicationSecurityGroupId? }",
        "for example { existingApplicationSecurityGroupId: asg.id }",
      ),
      "an object of node group name -> settings",
      "for example { workers: { existingApplicationSecurityGroupId: asg.id } }",
    ).optional(),
    reservedPriorities: argObject(
      {
        from: arg.integer(PRIORITY, "NSG priorities run from 100 to 4096"),
        to: arg.integer(PRIORITY, "NSG priorities run from 100 to 4096"),
      },
      "an object { from, to }",
      "for example { from: 100, to: 199 }",
    ).optional(),
    priorities: argRecord(
      arg.integer(PRIORITY, "NSG priorities run from 100 to 4096"),
      "an object of rule name -> priority",
      'for example { "prod-workers-in-from-masters-tcp": 1200 }',
    ).optional(),
    serviceTags: argRecord(
      arg.string('give a service tag name, for example "AzureLoadBalancer"'),
      "an object of peer name -> service tag",
      'for example { loadBalancer: "AzureLoadBalancer" }',
    ).optional(),
    allowIpInIpAsAnyProtocol: arg.boolean("set true to express IP-in-IP as any-protocol rules, false (default) to refuse it").optional(),
    restrictEgress: arg.boolean("set true to deny outbound but the plan's, false (default) for Azure's allow-all").optional(),
    allowVirtualNetworkInbound: arg.boolean("set true to keep AllowVnetInBound, false (default) to add kubeports' deny rules").optional(),
  },
  "an object of AzureClusterFirewall args",
  "pass { resourceGroupName, layout } (see the README)",
);

export function checkAzureClusterFirewallArgs(name: string, args: unknown): void {
  checkArgs(azureClusterFirewallArgsSchema, `Invalid arguments for AzureClusterFirewall "${name}"`, args);
}
