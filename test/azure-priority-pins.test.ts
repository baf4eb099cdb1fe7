/**
 * args.priorities: a rule pinned to a priority keeps it, nobody else takes it, and the other
 * rules keep theirs; pins that cannot work are refused before anything is registered, naming
 * the argument, the value and a fix.
 */
import { describe, expect, it } from "vitest";
import { resolveAzureArgs, type AzureClusterFirewallArgs } from "../components/azure/azureArgs";
import { translatePlan } from "../components/azure/azureRules";
import { KubeportsError } from "../components/model/errors";
import type { Layout } from "../components/model/layout";

const LAYOUT: Layout = {
  name: "lab",
  profiles: ["super-kubenetes"],
  options: { calicoMode: "vxlan" },
  groups: { masters: { roles: ["controlPlane", "etcd"] }, workers: { roles: ["worker"] } },
  peers: { admin: ["203.0.113.0/24"], apiClients: ["198.51.100.0/24"] },
};

function translate(args: Partial<AzureClusterFirewallArgs> = {}) {
  const resolved = resolveAzureArgs("lab", { resourceGroupName: "rg", layout: LAYOUT, ...args } as AzureClusterFirewallArgs);
  return translatePlan(resolved.plan, resolved.translate);
}

function issues(args: Partial<AzureClusterFirewallArgs>): string[] {
  try {
    translate(args);
  } catch (error) {
    if (error instanceof KubeportsError) return error.issues.map((issue) => `${issue.path}: ${issue.message}`);
    throw error;
  }
  return [];
}

describe("Azure priority pins", () => {
  it("a pinned rule takes its priority and every other rule keeps its own", () => {
    const free = translate().rules;
    const allows = free.filter((rule) => rule.access === "Allow" && rule.direction === "Inbound");
    const pinned = allows[0]!;
    const taken = new Set(free.filter((rule) => rule.direction === "Inbound").map((rule) => rule.priority));
    const value = [...Array(300).keys()].map((i) => 3000 - i).find((p) => !taken.has(p))!;
    const rules = translate({ priorities: { [pinned.name]: value } }).rules;
    expect(rules.find((rule) => rule.name === pinned.name)!.priority).toBe(value);
    for (const rule of rules.filter((r) => r.name !== pinned.name)) expect(rule.priority, rule.name).toBe(free.find((r) => r.name === rule.name)!.priority);
  });

  it("refuses a pin for a rule that does not exist, inside the reserved band, or out of range", () => {
    const name = translate().rules.find((rule) => rule.access === "Allow")!.name;
    expect(issues({ priorities: { "lab-nope": 3000 } })[0]).toMatch(/^args\.priorities\.lab-nope: no allow rule is named "lab-nope"/);
    expect(issues({ priorities: { [name]: 150 }, reservedPriorities: { from: 100, to: 199 } })[0]).toContain("is inside reservedPriorities");
    expect(issues({ priorities: { [name]: 4090 } })[0]).toMatch(/args\.priorities.*4090 is not allowed: kubeports' allow rules use whole numbers from 100 to 4086/);
  });

  it("refuses two rules pinned to one priority in one direction", () => {
    const [a, b] = translate().rules.filter((rule) => rule.access === "Allow" && rule.direction === "Inbound");
    expect(issues({ priorities: { [a!.name]: 3000, [b!.name]: 3000 } })[0]).toContain(`${a!.name} and ${b!.name} are both pinned to Inbound priority 3000`);
  });
});
