/** A regional passthrough network load balancer for one VIP: health check, backend service, forwarding rule. */
import * as pulumi from "@pulumi/pulumi";
import * as compute from "@pulumi/gcp/compute";
import type { LoadBalancerSpec } from "../../components/stackFiles/clusterFile";

export function gcpLoadBalancer(name: string, spec: LoadBalancerSpec, region: string, instanceGroup: pulumi.Input<string>, network: GcpLbNetwork): pulumi.Output<string> {
  const scheme = spec.public ? "EXTERNAL" : "INTERNAL";
  const check = new compute.RegionHealthCheck(name, { region, tcpHealthCheck: { port: spec.healthCheckPort } });
  const backend = new compute.RegionBackendService(name, {
    region,
    protocol: "TCP",
    loadBalancingScheme: scheme,
    healthChecks: check.id,
    backends: [{ group: instanceGroup, balancingMode: "CONNECTION" }],
  }, { parent: check });
  const rule = new compute.ForwardingRule(name, {
    region,
    loadBalancingScheme: scheme,
    backendService: backend.id,
    ipProtocol: "TCP",
    ports: spec.ports.map(String),
    ...(spec.public ? {} : { network: network.network, subnetwork: network.subnetwork }),
  }, { parent: backend });
  return rule.ipAddress;
}

interface GcpLbNetwork {
  readonly network: pulumi.Input<string>;
  readonly subnetwork: pulumi.Input<string>;
}
