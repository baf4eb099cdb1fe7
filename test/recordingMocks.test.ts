import { describe, expect, it } from "vitest";
import * as pulumi from "@pulumi/pulumi";
import * as ec2 from "@pulumi/aws/ec2";
import * as vpc from "@pulumi/aws/vpc";
import { installRecordingMocks } from "../components/preview/recordingMocks";

describe("recording mocks", () => {
  it("records custom and component resources with resolved inputs, parents and cloud-shaped ids", async () => {
    const recorder = await installRecordingMocks();
    class Box extends pulumi.ComponentResource {
      constructor(name: string) {
        super("kubeports:index:Box", name, {}, {});
      }
    }
    const box = new Box("box");
    const group = new ec2.SecurityGroup("sg", { vpcId: "vpc-1", description: "d" }, { parent: box });
    new vpc.SecurityGroupIngressRule("rule", { securityGroupId: group.id, ipProtocol: "tcp", fromPort: 22, toPort: 22, referencedSecurityGroupId: group.id }, { parent: group });
    const id = await new Promise<string>((resolve) => group.id.apply(resolve));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const rule = recorder.resources.find((r) => r.name === "rule");
    expect(id).toMatch(/^sg-[0-9a-f]{17}$/);
    expect(rule?.inputs.securityGroupId).toBe(id);
    expect(rule?.parent).toBe("sg");
    expect(recorder.resources.find((r) => r.name === "sg")?.parent).toBe("box");
    expect(recorder.resources.find((r) => r.name === "box")?.custom).toBe(false);
  });
});
