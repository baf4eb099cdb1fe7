/** The VPC the stack builds on: created (VPC, internet gateway, public subnets) or existing. */
import * as pulumi from "@pulumi/pulumi";
import * as ec2 from "@pulumi/aws/ec2";
import type { StackConfig } from "../../components/stackFiles/stackConfig";
import { subnetCidrs } from "../subnetCidrs";

export interface AwsNetwork {
  readonly vpcId: pulumi.Input<string>;
  readonly subnetIds: pulumi.Input<string>[];
}

export function awsNetwork(name: string, config: StackConfig, tags: Record<string, string>): AwsNetwork {
  if (config.existingNetwork) {
    return { vpcId: config.existingNetwork, subnetIds: config.existingSubnets ?? [] };
  }
  const region = new pulumi.Config("aws").get("region") ?? "us-east-1";
  const zones = config.availabilityZones ?? [`${region}a`, `${region}b`];
  const vpc = new ec2.Vpc(name, { cidrBlock: config.networkCidr, enableDnsHostnames: true, enableDnsSupport: true, tags: { ...tags, Name: name } });
  const gateway = new ec2.InternetGateway(name, { vpcId: vpc.id, tags }, { parent: vpc });
  const routes = new ec2.RouteTable(name, { vpcId: vpc.id, routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: gateway.id }], tags }, { parent: vpc });
  const cidrs = subnetCidrs(config.networkCidr, zones.length, 20);
  const subnetIds = zones.map((zone, index) => {
    const subnet = new ec2.Subnet(`${name}-${zone}`, { vpcId: vpc.id, cidrBlock: cidrs[index]!, availabilityZone: zone, tags: { ...tags, Name: `${name}-${zone}` } }, { parent: vpc });
    new ec2.RouteTableAssociation(`${name}-${zone}`, { subnetId: subnet.id, routeTableId: routes.id }, { parent: subnet });
    return subnet.id;
  });
  return { vpcId: vpc.id, subnetIds };
}
