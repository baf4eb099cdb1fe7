/** Rule counts from each cloud's pure translator, with the components' own argument handling. */
import { planAwsFirewall } from "../../components/aws/awsRules";
import { resolveAzureArgs } from "../../components/azure/azureArgs";
import { translatePlan as translateAzure } from "../../components/azure/azureRules";
import { compile } from "../../components/compiler/compile";
import { resolveGcpArgs } from "../../components/gcp/gcpArgs";
import { translatePlan as translateGcp } from "../../components/gcp/gcpRules";
import { KubeportsError } from "../../components/model/errors";
import type { Layout } from "../../components/model/layout";
import type { Cloud } from "../layouts/stackLayouts";
import type { Mode } from "./ruleBounds";

export type Translated = { readonly rules: number } | { readonly notExpressible: string };

function rulesOf(name: string, layout: Layout, cloud: Cloud, mode: Mode): number {
  switch (cloud) {
    case "aws":
      return planAwsFirewall(compile(layout), { name, restrictEgress: mode.restrictEgress }).rules.length;
    case "gcp": {
      const resolved = resolveGcpArgs(name, { layout, network: "bench-network", restrictEgress: mode.restrictEgress });
      return translateGcp(resolved.plan, resolved.translate).rules.length;
    }
    case "azure": {
      const resolved = resolveAzureArgs(name, { layout, resourceGroupName: "bench-rg", restrictEgress: mode.restrictEgress });
      return translateAzure(resolved.plan, resolved.translate).rules.length;
    }
  }
}

/** The translator's rule count, or why the cloud cannot express the layout (its first issue). */
export function translatedRules(name: string, layout: Layout, cloud: Cloud, mode: Mode): Translated {
  try {
    return { rules: rulesOf(name, layout, cloud, mode) };
  } catch (error) {
    if (!(error instanceof KubeportsError)) throw error;
    const first = error.issues[0];
    const more = error.issues.length > 1 ? ` (+${error.issues.length - 1} more)` : "";
    return { notExpressible: first ? `${first.path}: ${first.message}${more}` : error.message };
  }
}
