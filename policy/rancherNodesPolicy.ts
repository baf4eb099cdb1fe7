import type { StackValidationPolicy } from "@pulumi/policy";
import { rancherNodesAdvice } from "./rancherNodesCheck";

/** A stack policy: a standalone rule names its group only by id, so the group is looked up across the stack. */
export const rancherNodesPolicy: StackValidationPolicy = {
  name: "kubeports-rancher-nodes-world-rules",
  description:
    "Flags the world rules Rancher's docs and amazonec2 node driver prescribe for the rancher-nodes EC2 security group (SSH, HTTP/S, Docker TLS, Kubernetes API, webhook, NodePort) and how to narrow them.",
  enforcementLevel: "advisory",
  severity: "medium",
  validateStack: (args, reportViolation) => {
    for (const finding of rancherNodesAdvice(args.resources)) reportViolation(finding.message, finding.urn);
  },
};
