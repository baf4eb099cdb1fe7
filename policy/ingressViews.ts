/** Every cloud's reader behind one call: the checks ask for views and never for a cloud. */
import { awsIngressViews } from "./awsRuleViews";
import { azureIngressViews } from "./azureRuleViews";
import { gcpIngressViews } from "./gcpRuleViews";
import type { IngressView } from "./ruleView";

export function ingressViews(type: string, props: Record<string, unknown>): IngressView[] {
  return [...awsIngressViews(type, props), ...gcpIngressViews(type, props), ...azureIngressViews(type, props)];
}
