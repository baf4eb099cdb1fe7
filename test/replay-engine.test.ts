/**
 * The engine replay on hand-made edits: each cloud refusal it models, and the options that
 * avoid them (aliases, in-place updates). Pure: resource lists, no Pulumi.
 */
import { describe, expect, it } from "vitest";
import { replay, type ReplayResource } from "../components/replay/replay";

const SG = "aws:ec2/securityGroup:SecurityGroup";
const IN = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const LT = "aws:ec2/launchTemplate:LaunchTemplate";
const RULE = "azure-native:network:SecurityRule";
const FW = "gcp:compute/firewall:Firewall";

const res = (type: string, name: string, inputs: Record<string, unknown>, extra: Partial<ReplayResource> = {}): ReplayResource => ({
  type, name, id: `${name}-id`, parent: "c", inputs, ...extra,
});
const group = (name: string, awsName = name, description = `kubeports node group ${name}`) => res(SG, name, { name: awsName, description, vpcId: "vpc-1" });
const rule = (name: string, sg: string, port: number, cidr = "10.0.0.0/8") => res(IN, name, { securityGroupId: `${sg}-id`, ipProtocol: "tcp", fromPort: port, toPort: port, cidrIpv4: cidr, description: name });
const azRule = (name: string, priority: number, direction = "Inbound") => res(RULE, name, { resourceGroupName: "rg", networkSecurityGroupName: "nsg", securityRuleName: name, priority, direction });

describe("engine replay", () => {
  it("orders creates and updates in registration order, deletes last in reverse order", () => {
    const before = [group("a"), rule("a-22", "a", 22), rule("a-80", "a", 80)];
    const after = [group("a"), rule("a-443", "a", 443), res(IN, "a-80", { ...rule("a-80", "a", 80).inputs, description: "web" })];
    const { steps, conflict } = replay(before, after);
    expect(conflict).toBeUndefined();
    expect(steps.map((s) => `${s.op} ${s.name}`)).toEqual(["same a", "create a-443", "update a-80", "delete a-22"]);
  });

  it("a renamed AWS rule with the same protocol, ports and source is refused as a duplicate", () => {
    const before = [group("a"), rule("old-name", "a", 6443)];
    const after = [group("a"), rule("new-name", "a", 6443)];
    const { conflict } = replay(before, after);
    expect(conflict?.refusal).toBe("AWS InvalidPermission.Duplicate");
    expect([conflict?.resource, conflict?.other]).toEqual(["new-name", "old-name"]);
  });

  it("an alias turns the rename into an in-place update that converges", () => {
    const before = [group("a"), rule("old-name", "a", 6443)];
    const after = [group("a"), { ...rule("new-name", "a", 6443), id: "new-name-id", aliases: ["old-name"] }];
    const { steps, conflict } = replay(before, after);
    expect(conflict).toBeUndefined();
    expect(steps[1]).toMatchObject({ op: "update", name: "new-name", from: "old-name" });
  });

  it("a security group whose description changes is replaced, and its name is still taken", () => {
    const { steps, conflict } = replay([group("a")], [group("a", "a", "new wording")]);
    expect(steps[0]).toMatchObject({ op: "replace", because: ["description"] });
    expect(conflict?.refusal).toBe("AWS InvalidGroup.Duplicate");
  });

  it("a replaced group still attached to running machines cannot be deleted", () => {
    const lt = res(LT, "lt", { vpcSecurityGroupIds: ["a-id"] });
    const { conflict, steps } = replay([group("a"), lt], [group("a", "b"), lt]);
    expect(steps.find((s) => s.name === "lt")?.op).toBe("update");
    expect(conflict).toMatchObject({ refusal: "AWS DependencyViolation", resource: "a", other: "lt" });
  });

  it("a replaced group's rules are replaced with it (their securityGroupId changes)", () => {
    const { steps } = replay([group("a"), rule("r", "a", 22)], [group("a", "b"), rule("r", "a", 22)]);
    expect(steps.filter((s) => s.name === "r").map((s) => s.op)).toEqual(["replace", "replace"]);
  });

  it("an Azure rule moving onto the priority of a rule deleted in the same update is refused", () => {
    const before = [azRule("x", 200), azRule("y", 300)];
    const after = [azRule("y", 200)];
    const { conflict } = replay(before, after);
    expect(conflict).toMatchObject({ refusal: "Azure SecurityRuleConflict", resource: "y", other: "x" });
  });

  it("Azure priorities are per direction; a new rule on a free slot converges", () => {
    const { conflict } = replay([azRule("x", 200)], [azRule("x", 200), azRule("z", 200, "Outbound"), azRule("w", 201)]);
    expect(conflict).toBeUndefined();
  });

  it("two GCP firewalls with one name in one project are refused", () => {
    const fw = (logical: string) => res(FW, logical, { name: "k8s-in-from-admin", network: "net", project: "p" });
    expect(replay([], [fw("stack1"), fw("stack2")]).conflict?.refusal).toBe("GCP alreadyExists");
  });

  it("rules per group are counted during the transition (new rules exist before old ones go)", () => {
    const before = [group("a"), ...Array.from({ length: 40 }, (_, i) => rule(`old-${i}`, "a", 1000 + i))];
    const after = [group("a"), ...Array.from({ length: 40 }, (_, i) => rule(`new-${i}`, "a", 2000 + i))];
    expect(replay(before, after).conflict?.refusal).toBe("AWS RulesPerSecurityGroupLimitExceeded");
    expect(replay(before, after, { rulesPerGroupQuota: 100 }).conflict).toBeUndefined();
  });

  it("deleteBeforeReplace frees the name before the replacement is created", () => {
    const { conflict, steps } = replay([group("a")], [{ ...group("a", "a", "new wording"), deleteBeforeReplace: true }]);
    expect(conflict).toBeUndefined();
    expect(steps.map((s) => s.half)).toEqual(["delete-replaced", "create-replacement"]);
  });
});
