/**
 * AzureClusterFirewall as Pulumi's other languages see it. At runtime this is the TypeScript
 * AzureClusterFirewall: the constructor only turns the layout source into its `layout` or `plan`.
 */
import type * as pulumi from "@pulumi/pulumi";
import { AzureClusterFirewall as TypedAzureClusterFirewall, type AzureClusterFirewallArgs as TypedArgs } from "../azure/azureClusterFirewall";
import type { AzureGroup, AzurePriorityBand } from "./cloudInputs";
import type { Layout } from "./layout";
import { typedSource } from "./layoutSource";
import type { AzureUnexpressedHost } from "./outputTypes";

/** The TypeScript component's args, with its TypeScript-typed `layout` and `plan` replaced by three sources. */
export interface AzureClusterFirewallArgs {
  /** The layout to compile (profiles, options, node groups, peers). Give exactly one of layout, layoutFile or planJson. */
  layout?: Layout;
  /** Path of a layout file (.yaml, .yml or .json), relative to the directory `pulumi` runs in. */
  layoutFile?: string;
  /** A compiled plan: the text `kubeports plan <layout> --format json` prints. Peers cannot be merged into it. */
  planJson?: string;
  /** Resource group of the NSG and ASGs (an existing NSG must be in it). */
  resourceGroupName: pulumi.Input<string>;
  /** Region of created NSG and ASGs. Default: the resource group's. */
  location?: pulumi.Input<string>;
  /** Peer name -> CIDRs, merged over the layout's peers before compiling (a name given here replaces the layout's). */
  peers?: Record<string, string[]>;
  /** Add the rules to this existing NSG (in resourceGroupName) instead of creating one. */
  existingNetworkSecurityGroupName?: pulumi.Input<string>;
  /** Per node group: an existing application security group. */
  groups?: Record<string, AzureGroup>;
  /** A band of priorities kubeports never assigns, for your own rules in the same NSG. */
  reservedPriorities?: AzurePriorityBand;
  /** Rule name -> pinned priority; kubeports never moves a pinned rule. Needed only when two rules collide (the error names both and a free value). */
  priorities?: Record<string, number>;
  /** Peer name (or a profile's address label) -> Azure service tag used instead of its CIDRs, e.g. { loadBalancer: "AzureLoadBalancer" }. */
  serviceTags?: Record<string, string>;
  /** Express IP-in-IP rows (Calico IPIP) as "*"-protocol rules. Default false: such layouts fail (use Calico VXLAN on Azure). */
  allowIpInIpAsAnyProtocol?: boolean;
  /** Deny all outbound from the cluster's ASGs except the plan's outbound flows. Default false: Azure's default rules allow all outbound. */
  restrictEgress?: boolean;
  /** Keep Azure's AllowVnetInBound in force. Default false: kubeports adds deny rules at 4087-4096 so the plan's inbound rules are the nodes' boundary inside the network too. */
  allowVirtualNetworkInbound?: boolean;
}

// A direct ComponentResource subclass for the schema inference (see awsClusterFirewall.ts).
const Base = TypedAzureClusterFirewall as unknown as new (name: string, args: TypedArgs, opts?: pulumi.ComponentResourceOptions) => pulumi.ComponentResource;

/**
 * A kubeports plan as one Azure network security group with standalone rules, and one
 * application security group per node group. Names and priorities are stable.
 */
export class AzureClusterFirewall extends Base {
  /** Node group -> id of its application security group, to put on NICs or scale-set IP configurations. */
  declare readonly applicationSecurityGroupIds: pulumi.Output<Record<string, string>>;
  /** The NSG holding the rules (created, or the existing one); attach it to the nodes' subnets or NICs. */
  declare readonly networkSecurityGroupId: pulumi.Output<string>;
  /** Name of that NSG. */
  declare readonly networkSecurityGroupName: pulumi.Output<string>;
  /** Node group -> one line per rule protecting its machines (name, direction, priority, protocol, ports, sides, rows). */
  declare readonly ruleSummary: pulumi.Output<Record<string, string[]>>;
  /** Outbound host names no NSG rule can name, and whether they are blocked. */
  declare readonly unexpressedHosts: pulumi.Output<AzureUnexpressedHost[]>;
  /** Plain-text account of ASGs, rules, hosts and notes. */
  declare readonly summary: pulumi.Output<string>;

  constructor(name: string, args: AzureClusterFirewallArgs, opts?: pulumi.ComponentResourceOptions) {
    const { layout: _layout, layoutFile: _file, planJson: _plan, ...rest } = args ?? {};
    super(name, { ...rest, ...typedSource("AzureClusterFirewall", name, args) } as TypedArgs, opts);
  }
}
