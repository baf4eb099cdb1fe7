/** One test per documented AzureClusterFirewall argument error, plus how peers merge. Pure: no Pulumi. */
import { describe, expect, it } from "vitest";
import { resolveAzureArgs, type AzureClusterFirewallArgs } from "../components/azure/azureArgs";
import { translatePlan } from "../components/azure/azureRules";
import { compile } from "../components/compiler/compile";
import { KubeportsError } from "../components/model/errors";
import type { Layout } from "../components/model/layout";

const LAYOUT: Layout = {
  name: "sk",
  profiles: ["super-kubenetes"],
  options: { calicoMode: "vxlan" },
  groups: { masters: { roles: ["controlPlane", "etcd"] }, workers: { roles: ["worker"] } },
  peers: { admin: ["203.0.113.0/24"] },
};
const ASG = "/subscriptions/0000/resourceGroups/net/providers/Microsoft.Network/applicationSecurityGroups/workers";

function issues(args: Record<string, unknown>, name = "sk"): { path: string; message: string }[] {
  try {
    resolveAzureArgs(name, { resourceGroupName: "rg", layout: LAYOUT, ...args } as unknown as AzureClusterFirewallArgs);
  } catch (error) {
    if (error instanceof KubeportsError) return [...error.issues];
    throw error;
  }
  return [];
}

describe("AzureClusterFirewall arguments", () => {
  it("accepts a minimal layout", () => {
    expect(issues({})).toEqual([]);
  });

  it("needs exactly one of layout and plan", () => {
    expect(issues({ plan: compile(LAYOUT) })).toEqual([{ path: "args", message: expect.stringMatching(/both layout and plan are given; give exactly one/) }]);
    expect(issues({ layout: undefined })).toEqual([{ path: "args", message: expect.stringMatching(/neither layout nor plan is given/) }]);
  });

  it("refuses something that is not a plan, and peers with a plan", () => {
    const found = issues({ layout: undefined, plan: { schema: "other" }, peers: { admin: ["10.0.0.0/8"] } });
    expect(found.map((i) => i.path)).toEqual(["args.peers", "plan.schema", "plan.layout", "plan.groups", "plan.peers", "plan.warnings", "plan.notes"]);
    expect(found[0]!.message).toMatch(/cannot change a finished plan/);
    expect(found[1]!.message).toMatch(/allowed: "kubeports\.plan\/v1"/);
  });

  it("names unknown arguments with the known ones", () => {
    expect(issues({ existingNsgName: "x" })[0]!.message).toMatch(/unknown argument existingNsgName \(known: .*existingNetworkSecurityGroupName/);
  });

  it("needs a resource group name, and a valid one", () => {
    expect(issues({ resourceGroupName: "" })).toEqual([{ path: "args.resourceGroupName", message: expect.stringMatching(/is not a resource group; give its name/) }]);
    expect(issues({ resourceGroupName: "rg." })[0]!.message).toMatch(/not ending in a period/);
  });

  it("takes an NSG name, not an id", () => {
    const found = issues({ existingNetworkSecurityGroupName: "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/nsg" });
    expect(found).toEqual([{ path: "args.existingNetworkSecurityGroupName", message: expect.stringMatching(/is not an NSG name .*give the name, not the resource id/) }]);
  });

  it("checks the reserved band: whole numbers in 100-4096, forwards, clear of the deny band", () => {
    expect(issues({ reservedPriorities: { from: 50, to: 60 } }).map((i) => i.path)).toEqual(["args.reservedPriorities.from", "args.reservedPriorities.to"]);
    expect(issues({ reservedPriorities: { from: 300, to: 200 } })[0]!.message).toMatch(/runs backwards/);
    const overlap = issues({ reservedPriorities: { from: 4000, to: 4096 } });
    expect(overlap).toEqual([{ path: "args.reservedPriorities", message: expect.stringMatching(/overlaps 4087-4096, where kubeports puts its deny rules.*end the band at 4086/) }]);
    // With no deny rules, the top is the user's.
    expect(issues({ reservedPriorities: { from: 4000, to: 4096 }, allowVirtualNetworkInbound: true })).toEqual([]);
    expect(issues({ reservedPriorities: { from: 4000, to: 4096 }, allowVirtualNetworkInbound: true, restrictEgress: true })).toHaveLength(1);
    expect(issues({ reservedPriorities: { from: 100, to: 4096 }, allowVirtualNetworkInbound: true })[0]!.message).toMatch(/leaves no priority/);
  });

  it("checks service tag names and flags", () => {
    expect(issues({ serviceTags: { admin: "0.0.0.0/0" } })).toEqual([{ path: "args.serviceTags.admin", message: expect.stringMatching(/is not a service tag name/) }]);
    expect(issues({ restrictEgress: "yes" })).toEqual([{ path: "args.restrictEgress", message: '"yes" is not allowed: restrictEgress is true or false' }]);
  });

  it("checks per-group ASGs: known group, an ASG id, one group per ASG", () => {
    expect(issues({ groups: { wrokers: {} } })).toEqual([{ path: "args.groups.wrokers", message: expect.stringMatching(/unknown node group "wrokers" \(known: masters, workers; did you mean "workers"\?\)/) }]);
    expect(issues({ groups: { workers: { existingApplicationSecurityGroupId: "workers-asg" } } })[0]!.message).toMatch(/is not an application security group id/);
    const shared = issues({ groups: { workers: { existingApplicationSecurityGroupId: ASG }, masters: { existingApplicationSecurityGroupId: ASG.toUpperCase() } } });
    expect(shared[0]!.message).toMatch(/groups workers and masters share application security group/);
  });

  it("needs a component name that can prefix Azure names", () => {
    expect(issues({}, "---")).toEqual([{ path: "name", message: expect.stringMatching(/cannot prefix Azure names/) }]);
  });

  it("passes layout errors through from the compiler", () => {
    // @ts-expect-error a misspelt role is a type error for TypeScript callers; JavaScript callers get the message.
    expect(() => resolveAzureArgs("sk", { resourceGroupName: "rg", layout: { ...LAYOUT, groups: { w: { roles: ["wroker"] } } } })).toThrow(/unknown role "wroker"/);
  });

  it("merges peers over the layout's, a name given here replacing the layout's CIDRs", () => {
    const resolved = resolveAzureArgs("sk", { resourceGroupName: "rg", layout: LAYOUT, peers: { admin: ["198.51.100.0/24"], apiClients: ["192.0.2.0/24"] } });
    expect(resolved.plan.peers).toEqual([
      { name: "admin", cidrs: ["198.51.100.0/24"] },
      { name: "apiClients", cidrs: ["192.0.2.0/24"] },
    ]);
    const rules = translatePlan(resolved.plan, resolved.translate).rules;
    expect(rules.find((r) => r.name === "sk-masters-in-from-198-51-100-0-24-tcp")?.source).toMatchObject({ prefixes: ["198.51.100.0/24"], peers: ["admin"] });
  });
});
