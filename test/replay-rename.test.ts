/**
 * The rename path, as `pulumi up` would run it: the component (AwsClusterFirewall,
 * RancherNodesSecurityGroup) and its node groups renamed, registered under Pulumi mocks before
 * and after, replayed. With `renamedFrom` / `previousName` every group and rule is an in-place
 * update under its old identity (Pulumi aliases) and every AWS name and description stays;
 * without them, AWS refuses the update, and the replay says which pair.
 */
import { describe, expect, it } from "vitest";
import { AwsClusterFirewall, type AwsClusterFirewallArgs } from "../components/aws/AwsClusterFirewall";
import { RancherNodesSecurityGroup, type RancherNodesSecurityGroupArgs } from "../components/aws/RancherNodesSecurityGroup";
import type { Layout } from "../components/model/layout";
import { installRecordingMocks, settle } from "../components/preview/recordingMocks";
import { replay, type ReplayResource } from "../components/replay/replay";

const VPC = "vpc-0123456789abcdef0";
const SG = "aws:ec2/securityGroup:SecurityGroup";

const layout = (workers = "workers"): Layout => ({
  name: "lab",
  profiles: ["kubernetes", "calico"],
  options: { cni: "calico", calicoMode: "vxlan" },
  groups: { "control-plane": { roles: ["controlPlane", "etcd"] }, [workers]: { roles: ["worker"] } },
  peers: { apiClients: ["10.20.0.0/16"] },
});

async function registered(build: () => unknown): Promise<ReplayResource[]> {
  const recorder = await installRecordingMocks();
  build();
  await settle();
  return recorder.resources.map(({ type, name, custom, id, parent, inputs, aliases }) => ({ type, name, id: custom ? id : null, parent, inputs, ...(aliases ? { aliases } : {}) }));
}

const firewall = (name: string, args: Partial<AwsClusterFirewallArgs> = {}) => () => new AwsClusterFirewall(name, { vpcId: VPC, layout: layout(), ...args });
const rancherNodes = (name: string, args: Partial<RancherNodesSecurityGroupArgs> = {}) => () => new RancherNodesSecurityGroup(name, { vpcId: VPC, ...args });
const groupInputs = (resources: readonly ReplayResource[]) => resources.filter((r) => r.type === SG).map((r) => [r.inputs.name, r.inputs.description, r.inputs.vpcId]).sort();

describe("the AWS rename path converges in one pulumi up", () => {
  it("renaming the component with renamedFrom updates every group and rule in place, names and descriptions kept", async () => {
    const before = await registered(firewall("lab"));
    const after = await registered(firewall("lab-prod", { renamedFrom: "lab" }));
    const result = replay(before, after);
    expect(result.conflict).toBeUndefined();
    expect(result.steps.filter((step) => step.op !== "same" && step.op !== "update").map((s) => `${s.op} ${s.name}`)).toEqual([]);
    expect(result.steps.filter((step) => step.type === SG).every((step) => step.from !== undefined)).toBe(true);
    expect(groupInputs(after)).toEqual(groupInputs(before));
  });

  it("renaming the component without renamedFrom re-creates identical rules in an existing group, which AWS refuses", async () => {
    const existing = { groups: { workers: { existingSecurityGroupId: "sg-0123456789abcdef0" } } };
    const before = await registered(firewall("lab", existing));
    const after = await registered(firewall("lab-prod", existing));
    const { conflict } = replay(before, after);
    expect(conflict?.refusal).toBe("AWS InvalidPermission.Duplicate");
    expect(conflict?.resource).toMatch(/^lab-prod-workers-/);
    expect(conflict?.other).toBe(conflict!.resource.replace(/^lab-prod-/, "lab-"));
    // The rename path: the same edit converges.
    expect(replay(before, await registered(firewall("lab-prod", { ...existing, renamedFrom: "lab" }))).conflict).toBeUndefined();
  });

  it("renaming a node group with previousName keeps its group and its rules, and rules that name it", async () => {
    const before = await registered(firewall("lab"));
    const after = await registered(() => new AwsClusterFirewall("lab", { vpcId: VPC, layout: layout("nodes"), groups: { nodes: { previousName: "workers" } } }));
    const result = replay(before, after);
    expect(result.conflict).toBeUndefined();
    expect(result.steps.filter((step) => step.op === "create" || step.op === "delete" || step.op === "replace")).toEqual([]);
    expect(groupInputs(after)).toEqual(groupInputs(before));
  });

  it("renaming a node group without previousName replaces its group, which AWS cannot do while machines use it", async () => {
    const before = await registered(firewall("lab"));
    const after = await registered(() => new AwsClusterFirewall("lab", { vpcId: VPC, layout: layout("nodes") }));
    const result = replay(before, after);
    expect(result.steps.some((step) => step.op === "create" && step.type === SG)).toBe(true);
    expect(result.steps.some((step) => step.op === "delete" && step.type === SG && step.name === "lab-workers")).toBe(true);
  });

  it("renaming a RancherNodesSecurityGroup with renamedFrom keeps the one rancher-nodes group", async () => {
    const before = await registered(rancherNodes("rancher-nodes"));
    const after = await registered(rancherNodes("rancher", { renamedFrom: "rancher-nodes" }));
    const result = replay(before, after);
    expect(result.conflict).toBeUndefined();
    expect(groupInputs(after)).toEqual(groupInputs(before));
    expect(groupInputs(after)[0]![0]).toBe("rancher-nodes");
  });

  it("renaming a RancherNodesSecurityGroup without renamedFrom would create a second rancher-nodes group", async () => {
    const before = await registered(rancherNodes("rancher-nodes"));
    const after = await registered(rancherNodes("rancher"));
    expect(replay(before, after).conflict?.refusal).toBe("AWS InvalidGroup.Duplicate");
  });
});
