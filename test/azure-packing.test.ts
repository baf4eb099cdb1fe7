/**
 * Azure packing on the shipped dce5 layout: node groups that the same standing rows ask for share
 * one rule (ASG lists), and the edits a platform team makes most keep every surviving rule's name
 * and priority. Exactness on random and catalog layouts is test/rule-packing.test.ts; random edit
 * sequences are test/replay-edits.property.test.ts. Here the same claims are pinned on a real
 * layout, with the numbers the README and the bench quote.
 */
import { describe, expect, it } from "vitest";
import { resolveAzureArgs } from "../components/azure/azureArgs";
import { compile } from "../components/compiler/compile";
import { translatePlan } from "../components/azure/azureRules";
import type { AzureRuleSpec } from "../components/azure/azureRuleSpec";
import type { Layout } from "../components/model/layout";
import { replay } from "../components/replay/replay";
import { stackPlanLayout } from "../components/stackFiles/stackPlanLayout";
import { PROJECT } from "./support/previewedStack";
import { azureResources } from "./support/replayResources";

/** The layout the dce5-azure stack's program builds (its load balancers' health-probe peers included). */
const DCE5 = stackPlanLayout(PROJECT, "dce5-azure").layout;

function rules(layout: Layout): readonly AzureRuleSpec[] {
  const resolved = resolveAzureArgs("p", { layout, resourceGroupName: "rg" });
  return translatePlan(resolved.plan, resolved.translate).rules;
}

/** Rules created and deleted, and rules whose name survives with another priority. */
function churn(before: readonly AzureRuleSpec[], after: readonly AzureRuleSpec[]) {
  const old = new Map(before.map((r) => [r.name, r]));
  const now = new Map(after.map((r) => [r.name, r]));
  return {
    created: after.filter((r) => !old.has(r.name)).map((r) => r.name),
    deleted: before.filter((r) => !now.has(r.name)).map((r) => r.name),
    moved: after.filter((r) => old.has(r.name) && old.get(r.name)!.priority !== r.priority).map((r) => r.name),
  };
}

/** The steps `pulumi up` would run, replayed against Azure's refusals. */
function replayed(before: Layout, after: Layout) {
  const options = { prefix: "p", reserved: [], serviceTags: {}, allowIpInIpAsAnyProtocol: false, restrictEgress: false, allowVirtualNetworkInbound: false };
  return replay(azureResources(compile(before), options), azureResources(compile(after), options));
}

const base = rules(DCE5);
/** What the README and bench/RESULTS.md quote for dce5-azure: 49 allow rules before packing, 35 after (plus one deny). */
const PER_END = 49;
const PACKED = 35;

describe("Azure packing on the dce5 layout", () => {
  it(`packs ${PER_END} allow rules (one per direction, group, protocol and other end) into ${PACKED}`, () => {
    const plan = compile(DCE5);
    const perEnd = new Set(plan.groups.flatMap((g) => g.ingress.map((f) => JSON.stringify([g.name, f.protocol, f.peer.kind === "group" ? f.peer.group : f.peer.kind === "cidr" ? f.peer.cidr : f.peer.host]))));
    expect(perEnd.size).toBe(PER_END);
    const allows = base.filter((r) => r.access === "Allow");
    expect(allows).toHaveLength(PACKED);
    // Every node group on the registry wants TCP 443 for the same row: one rule lists the four ASGs.
    const registry = allows.find((r) => r.name === "p-registry-in-nodes-tcp-container-registry")!;
    expect(registry.source).toEqual({ kind: "groups", groups: ["global-masters", "global-workers", "work-masters", "work-workers"] });
    expect(registry.ports).toEqual(["443"]);
    // CIDRs are never grouped: each has rules of its own, named after it.
    for (const rule of allows.filter((r) => r.source.kind === "prefixes")) expect(rule.source.kind === "prefixes" && rule.source.prefixes).toHaveLength(1);
  });

  it("a node group with the roles of another joins its classes in place: only creates, no surviving rule renamed or moved", () => {
    const layout = { ...DCE5, groups: { ...DCE5.groups, "work-workers-b": DCE5.groups["work-workers"]! } };
    const after = rules(layout);
    const change = churn(base, after);
    expect(change.deleted).toEqual([]);
    expect(change.moved).toEqual([]);
    expect(after.find((r) => r.name === "p-registry-in-nodes-tcp-container-registry")!.source).toMatchObject({ groups: expect.arrayContaining(["work-workers-b"]) });
    expect(replayed(DCE5, layout).conflict).toBeUndefined();
  });

  it("toggling a feature option (metallb) changes class rules' ports in place", () => {
    const layout = { ...DCE5, options: { ...DCE5.options, metallb: !DCE5.options?.metallb } };
    const after = rules(layout);
    const change = churn(base, after);
    expect(change.created.length > 0 && change.deleted.length > 0).toBe(false);
    expect(change.moved).toEqual([]);
    expect(after.filter((r) => r.name.includes("-in-nodes-")).map((r) => r.name).sort()).toEqual(base.filter((r) => r.name.includes("-in-nodes-")).map((r) => r.name).sort());
    expect(replayed(DCE5, layout).conflict).toBeUndefined();
  });

  it("a layout rule for one node group touches only that group's own rule", () => {
    const layout: Layout = { ...DCE5, rules: [...(DCE5.rules ?? []), { id: "debug", description: "debug port", protocols: ["tcp"], ports: "20000", from: [{ group: "work-workers" }], to: { group: "registry" } }] };
    const change = churn(base, rules(layout));
    expect(change).toEqual({ created: ["p-registry-in-from-work-workers-tcp"], deleted: [], moved: [] });
  });
});
