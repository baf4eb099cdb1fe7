/** The VPC network the stack builds on: created (custom-mode network + one subnetwork) or existing. */
import * as pulumi from "@pulumi/pulumi";
import * as compute from "@pulumi/gcp/compute";
import type { StackConfig } from "../../components/stackFiles/stackConfig";

export interface GcpNetwork {
  readonly network: pulumi.Input<string>;
  readonly subnetwork: pulumi.Input<string>;
}

export function gcpNetwork(name: string, config: StackConfig, region: string): GcpNetwork {
  if (config.existingNetwork) {
    return { network: config.existingNetwork, subnetwork: config.existingSubnets?.[0] ?? config.existingNetwork };
  }
  const network = new compute.Network(name, { autoCreateSubnetworks: false, description: `kubeports stack ${name}` });
  const subnetwork = new compute.Subnetwork(name, { network: network.id, ipCidrRange: config.networkCidr, region }, { parent: network });
  return { network: network.selfLink, subnetwork: subnetwork.selfLink };
}
