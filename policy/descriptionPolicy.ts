import type { ResourceValidationPolicy } from "@pulumi/policy";
import { missingDescriptions } from "./descriptionCheck";

export const descriptionPolicy: ResourceValidationPolicy = {
  name: "kubeports-rule-descriptions",
  description: "Every AWS security group rule, GCP firewall rule and Azure NSG rule has a description saying why it exists.",
  enforcementLevel: "advisory",
  severity: "low",
  validateResource: (args, reportViolation) => {
    for (const message of missingDescriptions(args.type, args.props)) reportViolation(message);
  },
};
