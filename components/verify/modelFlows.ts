/**
 * The flows the connectivity model requires of a plan, in the one place verify reads them.
 */
import type { RequiredFlow } from "../connectivity/requiredFlow";
import type { Plan } from "../model/plan";

export function modelFlows(_plan: Plan): readonly RequiredFlow[] {
  return []; // wired to components/connectivity/requiredFlows at merge
}
