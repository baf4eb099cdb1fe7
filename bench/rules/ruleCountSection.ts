/**
 * Section 1: rule counts. Per stack and firewall component on the stack's own cloud: the rules
 * a mocked run registered, the translator's count, the plan's lower bound and a naive
 * translation. Then every stack's layout on every cloud through the pure translators.
 */
import { rancherNodesLayout, RANCHER_NODES } from "../../components/aws/RancherNodesSecurityGroup";
import { compile } from "../../components/compiler/compile";
import type { Layout } from "../../components/model/layout";
import { stackMode } from "../churn/churnEdits";
import type { StackRun } from "../churn/stackRun";
import { CLOUDS, layoutOf, readStack, type Cloud } from "../layouts/stackLayouts";
import { REPO } from "../tsxChild";
import { naiveCount } from "./naiveCount";
import { ruleBound, type Mode, type RuleCount } from "./ruleBounds";
import { translatedRules } from "./translatorCounts";

const COMPONENT_TYPE: Record<Cloud, string> = {
  aws: "kubeports:index:AwsClusterFirewall",
  gcp: "kubeports:index:GcpClusterFirewall",
  azure: "kubeports:index:AzureClusterFirewall",
};

export interface Counted {
  readonly translator: number;
  readonly bound: RuleCount;
  readonly naive: RuleCount;
  readonly translatorPerBound: number;
  readonly naivePerBound: number;
}

export interface StackRuleCount extends Counted {
  readonly stack: string;
  readonly component: string;
  readonly cloud: Cloud;
  readonly restrictEgress: boolean;
  /** Rules the mocked run registered; null when the stack was not run. */
  readonly resources: number | null;
  readonly resourcesPerBound: number | null;
}

export type CrossCloudCount = { readonly stack: string; readonly cloud: Cloud } & (Counted | { readonly notExpressible: string });

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

function counted(name: string, layout: Layout, cloud: Cloud, mode: Mode): Counted | { notExpressible: string } {
  const translated = translatedRules(name, layout, cloud, mode);
  if ("notExpressible" in translated) return translated;
  const bound = ruleBound(compile(layout), cloud, mode);
  const naive = naiveCount(layout, cloud, mode);
  return { translator: translated.rules, bound, naive, translatorPerBound: ratio(translated.rules, bound.total), naivePerBound: ratio(naive.total, bound.total) };
}

function stackRows(stack: string, run: StackRun | undefined): StackRuleCount[] {
  const source = readStack(REPO, stack);
  const cloud = source.config.cloud;
  const layout = layoutOf(source);
  const components: { name: string; type: string; layout: Layout; cloud: Cloud; mode: Mode }[] = [
    { name: layout.name, type: COMPONENT_TYPE[cloud], layout, cloud, mode: stackMode(source) },
  ];
  // The stack's program adds the rancher-nodes group to Rancher layouts on AWS (stacks/aws/awsStack.ts).
  if (cloud === "aws" && layout.profiles.includes("rancher")) {
    const nodes = rancherNodesLayout({ driverRules: source.config.rancherNodesDriverRules, ...(source.config.adminCidrs ? { adminCidrs: source.config.adminCidrs } : {}) });
    components.push({ name: RANCHER_NODES, type: "kubeports:index:RancherNodesSecurityGroup", layout: nodes, cloud: "aws", mode: { restrictEgress: true } });
  }
  return components.map((component) => {
    const count = counted(component.name, component.layout, component.cloud, component.mode);
    if ("notExpressible" in count) throw new Error(`stack ${stack} cannot be translated for its own cloud: ${count.notExpressible}`);
    const registered = run?.components.find((c) => c.type === component.type && c.name === component.name)?.rules ?? null;
    return {
      stack,
      component: component.name,
      cloud: component.cloud,
      restrictEgress: component.mode.restrictEgress,
      resources: run ? (registered ?? 0) : null,
      resourcesPerBound: run ? ratio(registered ?? 0, count.bound.total) : null,
      ...count,
    };
  });
}

export function ruleCountSection(stacks: readonly string[], runs: readonly StackRun[]): { stacks: StackRuleCount[]; crossCloud: CrossCloudCount[] } {
  const byStack = new Map(runs.map((run) => [run.stack, run]));
  const crossCloud = stacks.flatMap((stack) => {
    const source = readStack(REPO, stack);
    return CLOUDS.map((cloud): CrossCloudCount => {
      const layout = layoutOf(source, cloud);
      return { stack, cloud, ...counted(layout.name, layout, cloud, { restrictEgress: false }) };
    });
  });
  return { stacks: stacks.flatMap((stack) => stackRows(stack, byStack.get(stack))), crossCloud };
}
