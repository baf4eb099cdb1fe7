import type { ResourceValidationPolicy } from "@pulumi/policy";
import { internalPortViolations } from "./internalPortsCheck";

export const internalPortsPolicy: ResourceValidationPolicy = {
  name: "kubeports-no-world-internal-ports",
  description:
    "Kubernetes-internal ports (etcd, kubelet, CNI overlays, BGP, Typha, WireGuard, IP-in-IP, ...) must not be open to 0.0.0.0/0, ::/0, * or Internet, in AWS security group rules, GCP firewall rules and Azure NSG rules.",
  enforcementLevel: "mandatory",
  severity: "critical",
  validateResource: (args, reportViolation) => {
    for (const message of internalPortViolations(args.type, args.props)) reportViolation(message);
  },
};
