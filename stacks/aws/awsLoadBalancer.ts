/** A network load balancer for one VIP: a target group and listener per port. */
import * as pulumi from "@pulumi/pulumi";
import * as lb from "@pulumi/aws/lb";
import type { LoadBalancerSpec } from "../../components/stackFiles/clusterFile";

export interface AwsVip {
  readonly dnsName: pulumi.Output<string>;
  readonly targetGroupArns: pulumi.Output<string>[];
}

export function awsLoadBalancer(name: string, spec: LoadBalancerSpec, vpcId: pulumi.Input<string>, subnetIds: pulumi.Input<string>[], tags: Record<string, string>): AwsVip {
  const balancer = new lb.LoadBalancer(name, { loadBalancerType: "network", internal: !spec.public, subnets: subnetIds, tags });
  const targetGroupArns = spec.ports.map((port) => {
    const group = new lb.TargetGroup(`${name}-${port}`, {
      port,
      protocol: "TCP",
      vpcId,
      targetType: "instance",
      healthCheck: { protocol: "TCP", port: String(spec.healthCheckPort) },
      tags,
    }, { parent: balancer });
    new lb.Listener(`${name}-${port}`, {
      loadBalancerArn: balancer.arn,
      port,
      protocol: "TCP",
      defaultActions: [{ type: "forward", targetGroupArn: group.arn }],
      tags,
    }, { parent: balancer });
    return group.arn;
  });
  return { dnsName: balancer.dnsName, targetGroupArns };
}
