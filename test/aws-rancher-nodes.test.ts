/**
 * RancherNodesSecurityGroup against the "Rancher AWS EC2 security group" table of seed 004,
 * transcribed below by hand (not from the profile), and against what rancher/machine's
 * amazonec2 driver opens (reference/port-sources.md), for the docs, driver and admin variants.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import * as pulumi from "@pulumi/pulumi";
import { RancherNodesSecurityGroup, type RancherNodesSecurityGroupArgs } from "../components/aws/RancherNodesSecurityGroup";
import { KubeportsError } from "../components/model/errors";
import { installRecordingMocks, settle } from "../components/preview/recordingMocks";
import { readSeed } from "./seedTables";

const VPC = "vpc-0123456789abcdef0";
const SG_TYPE = "aws:ec2/securityGroup:SecurityGroup";
const IN_TYPE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const OUT_TYPE = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
const ADMIN = "192.0.2.0/24";

// Seed 004, "Rancher AWS EC2 security group": Type | Protocol | Port Range | Source/Destination | Rule Type.
// "sg-xxx (rancher-nodes)" is the group itself ("self"); "All" protocol is -1 without ports.
const DOCS_TABLE = [
  "in tcp 22 0.0.0.0/0", // SSH
  "in tcp 80 0.0.0.0/0", // HTTP
  "in tcp 443 0.0.0.0/0",
  "in tcp 2376 0.0.0.0/0",
  "in tcp 2379-2380 self",
  "in udp 4789 self",
  "in tcp 6443 0.0.0.0/0",
  "in udp 8472 self",
  "in tcp 10250-10252 self",
  "in tcp 10256 self",
  "in tcp 30000-32767 0.0.0.0/0",
  "in udp 30000-32767 0.0.0.0/0",
  "out -1 all 0.0.0.0/0", // All traffic
];

// amazonec2.go: addDualStack for 22, 2376, 8443, 6443, 80, 443 and the NodePort ranges,
// addGroupRule for 9345, 5473, 9796 and 179 besides the table's, IPv6 allow-all egress.
const DRIVER_EXTRA = [
  "in tcp 8443 0.0.0.0/0",
  "in tcp 8443 ::/0",
  "in tcp 22 ::/0",
  "in tcp 80 ::/0",
  "in tcp 443 ::/0",
  "in tcp 2376 ::/0",
  "in tcp 6443 ::/0",
  "in tcp 30000-32767 ::/0",
  "in udp 30000-32767 ::/0",
  "in tcp 9345 self",
  "in tcp 5473 self",
  "in tcp 9796 self",
  "in tcp 179 self",
  "out -1 all ::/0",
];

/** adminCidrs: SSH, Docker TLS and the API from the admin networks instead of the world; the API also from the nodes themselves, which 0.0.0.0/0 used to include. */
function adminOnly(lines: readonly string[]): string[] {
  const moved = /^in tcp (22|2376|6443) (0\.0\.0\.0\/0|::\/0)$/;
  return [...lines.filter((line) => !moved.test(line)), `in tcp 22 ${ADMIN}`, `in tcp 2376 ${ADMIN}`, `in tcp 6443 ${ADMIN}`, "in tcp 6443 self"];
}

async function record(args: Partial<RancherNodesSecurityGroupArgs>) {
  const recorder = await installRecordingMocks();
  const group = new RancherNodesSecurityGroup("rn", { vpcId: VPC, ...args });
  const id = await new Promise<string>((resolve) => group.securityGroupId.apply(resolve));
  await settle();
  const resources = recorder.resources;
  const lines = resources
    .filter((r) => r.type === IN_TYPE || r.type === OUT_TYPE)
    .map((r) => {
      const i = r.inputs;
      expect(i.securityGroupId).toBe(id);
      const ports = i.fromPort === undefined ? "all" : i.fromPort === i.toPort ? `${i.fromPort}` : `${i.fromPort}-${i.toPort}`;
      const source = i.referencedSecurityGroupId === id ? "self" : (i.cidrIpv4 ?? i.cidrIpv6);
      return `${r.type === IN_TYPE ? "in" : "out"} ${i.ipProtocol} ${ports} ${source}`;
    });
  return { group, id, resources, lines };
}

afterEach(() => vi.restoreAllMocks());

describe("RancherNodesSecurityGroup", () => {
  it("transcribes the table from the seed text itself", () => {
    const seed = readSeed("004_4e84222665e307a4.txt");
    for (const row of ["| SSH ", "| 2379-2380   | sg-xxx (rancher-nodes) | Inbound", "| 10256       | sg-xxx (rancher-nodes) | Inbound", "| All         | 0.0.0.0/0              | Outbound"]) {
      expect(seed).toContain(row);
    }
    expect(DOCS_TABLE).toHaveLength(13);
  });

  it("creates the group the node driver looks for: name rancher-nodes, a rancher-nodes tag, in the VPC", async () => {
    const { resources, id } = await record({});
    const groups = resources.filter((r) => r.type === SG_TYPE);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.id).toBe(id);
    expect(groups[0]!.inputs).toMatchObject({ name: "rancher-nodes", vpcId: VPC });
    expect(groups[0]!.inputs.tags).toHaveProperty("rancher-nodes");
    expect(groups[0]!.inputs).not.toHaveProperty("ingress");
    expect(groups[0]!.inputs).not.toHaveProperty("egress");
  });

  it("by default opens exactly the docs table, cluster rows as self references", async () => {
    const { lines } = await record({});
    expect(lines.sort()).toEqual([...DOCS_TABLE].sort());
  });

  it("with driverRules opens exactly what the amazonec2 driver opens", async () => {
    const { lines } = await record({ driverRules: true });
    expect(lines.sort()).toEqual([...DOCS_TABLE, ...DRIVER_EXTRA].sort());
  });

  it("with adminCidrs moves SSH, Docker TLS and the API off the internet", async () => {
    const { lines } = await record({ adminCidrs: [ADMIN] });
    expect(lines.sort()).toEqual(adminOnly(DOCS_TABLE).sort());
    const driver = await record({ driverRules: true, adminCidrs: [ADMIN] });
    expect(driver.lines.sort()).toEqual(adminOnly([...DOCS_TABLE, ...DRIVER_EXTRA]).sort());
  });

  it("exposes and logs a warning for every rule still open to the world", async () => {
    const warn = vi.spyOn(pulumi.log, "warn");
    const docs = await record({});
    expect(docs.group.warnings).toHaveLength(DOCS_TABLE.filter((line) => line.startsWith("in") && line.endsWith("0.0.0.0/0")).length);
    for (const warning of docs.group.warnings) {
      expect(warning.group).toBe("rancher-nodes");
      expect(warn).toHaveBeenCalledWith(warning.message, docs.group);
    }
    const admin = await record({ adminCidrs: [ADMIN] });
    expect(admin.group.warnings.map((w) => w.message).join("\n")).not.toMatch(/TCP (22|2376|6443) from/);
    expect(admin.group.warnings).toHaveLength(4);
  });

  it("says what the node driver would add on its own, unless the group already has the driver's rule set", async () => {
    const docs = await record({});
    expect(docs.group.driverCaveats).toEqual([expect.stringContaining("Security group read-only")]);
    expect(docs.group.driverCaveats[0]).toContain("TCP 8443");
    const admin = await record({ driverRules: true, adminCidrs: [ADMIN] });
    expect(admin.group.driverCaveats[0]).toContain("TCP 22, 2376 and 6443 from ::/0");
    const driver = await record({ driverRules: true });
    expect(driver.group.driverCaveats).toEqual([]);
  });

  it("rejects an empty or malformed admin list and a bad VPC id, registering nothing", async () => {
    for (const [args, path] of [
      [{ adminCidrs: [] }, "args.adminCidrs"],
      [{ adminCidrs: ["192.0.2.1/24"] }, "args.adminCidrs[0]"],
      [{ vpcId: "vpc-nope" }, "args.vpcId"],
      [{ driverRule: true }, "args"],
    ] as const) {
      const recorder = await installRecordingMocks();
      let caught: unknown;
      try {
        new RancherNodesSecurityGroup("rn", { vpcId: VPC, ...args } as RancherNodesSecurityGroupArgs);
      } catch (error) {
        caught = error;
      }
      await settle();
      expect(caught).toBeInstanceOf(KubeportsError);
      expect((caught as KubeportsError).issues.map((i) => i.path)).toEqual([path]);
      expect(recorder.resources).toEqual([]);
    }
  });
});
