import type { StackValidationPolicy } from "@pulumi/policy";
import { DEFAULT_RULES_PER_GROUP } from "../components/aws/awsQuota";
import { DEFAULT_WARN_AT, quotaAdvice, type QuotaOptions } from "./quotaCheck";

/** A stack policy: a group's rules are separate resources, so only the whole stack can count them. */
export const quotaPolicy: StackValidationPolicy = {
  name: "kubeports-aws-rules-per-group",
  description: `AWS security groups with ${DEFAULT_WARN_AT} or more inbound or outbound rules of one IP family, close to the ${DEFAULT_RULES_PER_GROUP}-rule quota.`,
  enforcementLevel: "advisory",
  severity: "low",
  configSchema: {
    properties: {
      rulesPerGroup: { type: "integer", minimum: 1, default: DEFAULT_RULES_PER_GROUP, description: "The account's rules-per-group quota (Service Quotas)." },
      warnAt: { type: "integer", minimum: 1, default: DEFAULT_WARN_AT, description: "Advise from this many rules per group, direction and family." },
    },
  },
  validateStack: (args, reportViolation) => {
    for (const finding of quotaAdvice(args.resources, args.getConfig<QuotaOptions>())) reportViolation(finding.message, finding.urn);
  },
};
