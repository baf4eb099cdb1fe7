/**
 * The cluster's nodes can talk: every shipped stack (as each cloud would build it), every
 * example layout and the whole generated catalog compile, in the default completeness mode, to
 * a plan whose flows admit every flow the connectivity model requires. A pure plan-level check;
 * the resource-level check is the evaluator's (kubeports verify).
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLOUDS, layoutOf, projectStacks, readStack } from "../bench/layouts/stackLayouts";
import { compile } from "../components/compiler/compile";
import { missingFlows } from "../components/compiler/completeness";
import { requiredFlows } from "../components/connectivity/requiredFlows";
import { loadLayoutFile } from "../components/layout/loadLayoutFile";
import type { Layout } from "../components/model/layout";
import type { Plan } from "../components/model/plan";
import { catalogCases } from "./support/catalogLayouts";

const ROOT = path.resolve(__dirname, "..");
const EXAMPLES = path.join(ROOT, "examples/layouts");

function unmet(plan: Plan): string[] {
  return missingFlows(plan).map((m) => `${m.required.requirement}: ${m.from.kind === "group" ? m.from.group : m.from.cidr} -> ${m.required.to}`);
}

describe("every shipped stack's cluster can talk, on every cloud", () => {
  const cases = projectStacks(ROOT).flatMap((stack) => CLOUDS.map((cloud) => [`${stack} on ${cloud}`, layoutOf(readStack(ROOT, stack), cloud)] as const));
  it.each(cases)("%s", (_label, layout) => {
    const plan = compile(layout);
    expect(requiredFlows(plan).length).toBeGreaterThan(0);
    expect(unmet(plan)).toEqual([]);
  });

  it("apinizer-aws: two workers carry Flannel's VXLAN between them (the page has no worker-to-worker table)", () => {
    const plan = compile(layoutOf(readStack(ROOT, "apinizer-aws")));
    const workers = plan.groups.find((g) => g.name === "workers")!;
    const vxlan = workers.ingress.find((f) => f.protocol === "udp" && f.ports?.from === 8472 && f.peer.kind === "group" && f.peer.group === "workers");
    expect(vxlan?.reasons).toEqual([expect.objectContaining({ profile: "connectivity-model", row: "flannel-vxlan", document: "https://github.com/flannel-io/flannel/blob/master/Documentation/backends.md" })]);
    expect(plan.supplements).toEqual([expect.objectContaining({ requirement: "flannel-vxlan", group: "workers", from: { kind: "group", group: "workers" }, omittedBy: ["apinizer"] })]);
  });
});

describe("what the model found in the shipped stacks", () => {
  it("rancher-aws: the three K3s Rancher servers (ha) carry embedded etcd between them, which the K3s tab omits", () => {
    const plan = compile(layoutOf(readStack(ROOT, "rancher-aws")));
    expect(plan.supplements!.map((s) => [s.requirement, s.group, s.from, s.ports])).toEqual([
      ["etcd", "rancher-server", { kind: "group", group: "rancher-server" }, { from: 2379, to: 2380 }],
    ]);
  });

  it("super-kubenetes-gcp: the kubelet on workers and KubeKey's Typha", () => {
    const plan = compile(layoutOf(readStack(ROOT, "super-kubenetes-gcp")));
    expect([...new Set(plan.supplements!.map((s) => `${s.requirement} ${s.group}`))].sort()).toEqual([
      "calico-typha masters",
      "calico-typha workers",
      "kubelet workers",
    ]);
  });

  it("dce5-azure: nothing (the DCE page covers its Calico VXLAN cluster)", () => {
    expect(compile(layoutOf(readStack(ROOT, "dce5-azure"))).supplements).toEqual([]);
  });
});

describe("every example layout's cluster can talk", () => {
  const files = readdirSync(EXAMPLES).filter((name) => /\.(ya?ml|json)$/.test(name)).sort();
  it.each(files)("%s", (file) => {
    const plan = compile(loadLayoutFile(file, EXAMPLES).value);
    expect(unmet(plan)).toEqual([]);
  });
});

describe("every catalog case's cluster can talk (every profile x option mode x group shape)", () => {
  const cases = catalogCases([{}, { groups: "split" }, { groups: "combined" }, { clustered: true }]);
  it("covers the catalog in several shapes", () => {
    expect(cases.length).toBeGreaterThan(200);
  });
  it("admits every required flow in every case", () => {
    const failures: string[] = [];
    for (const c of cases) {
      const plan = compile(c.layout);
      failures.push(...unmet(plan).map((text) => `${c.label}: ${text}`));
    }
    expect(failures.slice(0, 20)).toEqual([]);
  });
  it("without supplements (completeness: warn) the same cases report what the documents omit, and add nothing", () => {
    let reported = 0;
    for (const c of cases) {
      const layout: Layout = { ...c.layout, completeness: "warn" };
      const plan = compile(layout);
      const missing = unmet(plan);
      expect(plan.supplements, c.label).toEqual([]);
      if (missing.length > 0) {
        reported++;
        expect(plan.warnings.some((w) => w.code === "incomplete"), c.label).toBe(true);
      }
    }
    expect(reported).toBeGreaterThan(0);
  });
});
