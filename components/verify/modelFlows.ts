/**
 * The flows the connectivity model requires of a plan, in the one place verify reads them: what
 * the cluster needs between its own machines whatever the vendor pages say
 * (components/connectivity).
 */
import type { RequiredFlow } from "../connectivity/requiredFlow";
import { requiredFlows } from "../connectivity/requiredFlows";
import type { Plan } from "../model/plan";

export function modelFlows(plan: Plan): readonly RequiredFlow[] {
  return requiredFlows(plan);
}
