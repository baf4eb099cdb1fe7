/** The verify matrix: every flow the cluster needs, checked against one cloud's resources. */
import type { RequiredFlow } from "../connectivity/requiredFlow";
import type { Plan } from "../model/plan";
import { checkFlow, type FlowCheck } from "./checkFlow";
import type { Cloud, CloudFirewall } from "./cloudFirewall";
import { machinesByGroup } from "./machineGroups";
import { neededFlows } from "./neededFlows";

export interface VerifyResult {
  readonly layout: string;
  readonly cloud: Cloud;
  /** What was evaluated: "stack rancher-aws (offline preview)", "examples/layouts/dce5.yaml (gcp translation)", an export directory. */
  readonly firewall: string;
  readonly checks: readonly FlowCheck[];
  readonly blocked: number;
}

export function verifyPlan(plan: Plan, firewall: CloudFirewall, where: string, model: readonly RequiredFlow[] = []): VerifyResult {
  const machines = machinesByGroup(plan, firewall.machines, where);
  const checks = neededFlows(plan, model).map((flow) => checkFlow(firewall, flow, machines));
  return { layout: plan.layout, cloud: firewall.cloud, firewall: where, checks, blocked: checks.filter((check) => !check.allowed).length };
}
