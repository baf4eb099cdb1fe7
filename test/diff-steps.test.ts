/**
 * `kubeports diff --steps`: the steps `pulumi up` would run and the exit code when a cloud would
 * refuse one, for layout files (--cloud) and for a stack against a git revision (both sides
 * previewed offline, the base with its own program).
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { stringify as stringifyYaml } from "yaml";
import { describe, expect, it } from "vitest";
import { EXIT_STEP_REFUSED } from "../components/cli/commands/diffSteps";
import { EXIT } from "../components/cli/run";
import { cli, ROOT, scratch } from "./diff-fixtures";

/**
 * A layout whose office peer has `count` CIDRs, each allowed to `port` on the nodes: one AWS rule
 * per CIDR. The peer is not `admin`: the kubernetes profile's own common-peer row (SSH 22 from
 * admin) would keep 22 open when the layout's rule moves, and the group would be over quota for
 * good, not only during the update. Calico runs VXLAN: Azure cannot carry the IP-in-IP default.
 */
function layoutFile(dir: string, file: string, port: string, count = 35): string {
  const cidrs = Array.from({ length: count }, (_, i) => `10.${i}.0.0/16`);
  const layout = {
    name: "lab",
    profiles: ["kubernetes"],
    options: { calicoMode: "vxlan" },
    groups: { nodes: { roles: ["controlPlane", "etcd", "worker"] } },
    peers: { office: cidrs },
    rules: [{ id: "ssh", description: "ssh from the office", protocols: ["tcp"], ports: port, from: [{ peer: "office" }], to: { group: "nodes" } }],
  };
  const target = path.join(dir, file);
  writeFileSync(target, stringifyYaml(layout));
  return target;
}

describe("kubeports diff --steps", () => {
  const dir = scratch("steps");
  const before = layoutFile(dir, "before.yaml", "22");

  it("lists the steps and says the update converges", async () => {
    const after = layoutFile(dir, "more.yaml", "22", 36);
    const { code, stdout, stderr } = await cli(["diff", before, after, "--steps", "--cloud", "aws"], dir);
    expect([code, stderr]).toEqual([0, ""]);
    expect(stdout).toContain("## What `pulumi up` would run");
    expect(stdout).toMatch(/\| create \| `lab-nodes-in-tcp-22-from-10-35-0-0-16` \| SecurityGroupIngressRule \|/);
    expect(stdout).toContain("Every step is accepted");
  });

  it("exits 5 naming the refused step when new rules would exceed the group's quota before the old ones go", async () => {
    const after = layoutFile(dir, "moved.yaml", "2222");
    const { code, stdout, stderr } = await cli(["diff", before, after, "--steps", "--cloud", "aws"], dir);
    expect(code).toBe(EXIT_STEP_REFUSED);
    expect(stdout).toContain("**The cloud would refuse this update:** AWS RulesPerSecurityGroupLimitExceeded");
    expect(stderr).toMatch(/AWS RulesPerSecurityGroupLimitExceeded: creating lab-nodes-in-tcp-2222-from-10-\d+-0-0-16 conflicts with/);
  });

  it("adds the replay to the JSON report", async () => {
    const after = layoutFile(dir, "json.yaml", "22", 36);
    const { code, stdout } = await cli(["diff", before, after, "--steps", "--cloud", "azure", "--format", "json"], dir);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.schema).toBe("kubeports.diff/v1");
    expect(json.replay.conflict).toBeNull();
    expect(json.replay.steps.every((step: { op: string }) => ["create", "update", "replace", "delete"].includes(step.op))).toBe(true);
  });

  it("needs --cloud for layout files", async () => {
    const { code, stderr } = await cli(["diff", before, before, "--steps"], dir);
    expect(code).toBe(EXIT.input);
    expect(stderr).toContain("--cloud");
  });

  it("previews a stack and its git revision: upgrading from HEAD converges", async () => {
    const { code, stdout } = await cli(["diff", "apinizer-aws", "--base", "HEAD", "--steps"], ROOT);
    expect(code).toBe(0);
    expect(stdout).toContain("Every step is accepted");
  }, 60_000);
});
