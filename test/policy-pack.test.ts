/**
 * The pack as the Pulumi CLI runs it. `new PolicyPack(...)` starts a gRPC server and prints its
 * port (and exits the process if a second pack is made), so it is not constructed in-process:
 * the exported policy list is checked here, and the real loader the CLI uses
 * (@pulumi/pulumi/cmd/run-policy-pack, in the pack's folder) is started on the built pack
 * (policy/package.json's main is dist/policy/index.js, built by the suite's global setup) and
 * asked over the Analyzer gRPC API, as the engine would ask it. test/package-pack.test.ts runs
 * the same pack from the installed tarball.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type * as grpc from "@grpc/grpc-js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { parse } from "yaml";
import type { AnalyzerClient } from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import { AnalyzeRequest, AnalyzeStackRequest, AnalyzerPropertyDependencies, AnalyzerResource, AnalyzerResourceOptions, EnforcementLevel, type AnalyzeDiagnostic } from "@pulumi/pulumi/proto/analyzer_pb";
import * as policyProxy from "@pulumi/policy/proxy";
import { kubeportsPolicies } from "../policy/policies";
import { startPolicyPack, type RunningPack } from "./support/policyPackServer";

const PACK = path.resolve(__dirname, "../policy");
const UNKNOWN = (policyProxy as unknown as { unknownStringValue: string }).unknownStringValue;
const RULE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const SG = "aws:ec2/securityGroup:SecurityGroup";
const isStackPolicy = (policy: object) => "validateStack" in policy;

describe("policy list", () => {
  it("has uniquely named policies with the documented enforcement levels", () => {
    const levels = Object.fromEntries(kubeportsPolicies.map((policy) => [policy.name, policy.enforcementLevel]));
    expect(levels).toEqual({
      "kubeports-no-world-internal-ports": "mandatory",
      "kubeports-rancher-nodes-world-rules": "advisory",
      "kubeports-rule-descriptions": "advisory",
      "kubeports-aws-rules-per-group": "advisory",
    });
    expect(kubeportsPolicies.filter((p) => !isStackPolicy(p)).map((p) => p.name)).toEqual(["kubeports-no-world-internal-ports", "kubeports-rule-descriptions"]);
    expect(kubeportsPolicies.filter(isStackPolicy).map((p) => p.name)).toEqual(["kubeports-rancher-nodes-world-rules", "kubeports-aws-rules-per-group"]);
  });

  it("ships a PulumiPolicy.yaml for the nodejs runtime, the package's version and the built entry point", () => {
    expect(parse(readFileSync(path.join(PACK, "PulumiPolicy.yaml"), "utf8"))).toMatchObject({ runtime: "nodejs", description: expect.any(String) });
    const { version } = JSON.parse(readFileSync(path.join(PACK, "..", "package.json"), "utf8")) as { version: string };
    expect(JSON.parse(readFileSync(path.join(PACK, "package.json"), "utf8"))).toMatchObject({ version, main: "../dist/policy/index.js" });
  });
});

function call<T>(fn: (callback: (error: grpc.ServiceError | null, response: T) => void) => unknown): Promise<T> {
  return new Promise((resolve, reject) => fn((error, response) => (error ? reject(error) : resolve(response))));
}

function options(): AnalyzerResourceOptions {
  return new AnalyzerResourceOptions().setProtect(false).setIgnorechangesList([]).setAliasesList([]).setAdditionalsecretoutputsList([]);
}

function urnOf(type: string, name: string): string {
  return `urn:pulumi:dev::app::${type}::${name}`;
}

function stackResource(type: string, name: string, props: Record<string, unknown>, dependsOn: Record<string, string> = {}): AnalyzerResource {
  const resource = new AnalyzerResource().setType(type).setName(name).setUrn(urnOf(type, name)).setProperties(Struct.fromJavaScript(props as never)).setOptions(options());
  for (const [key, urn] of Object.entries(dependsOn)) resource.getPropertydependenciesMap().set(key, new AnalyzerPropertyDependencies().setUrnsList([urn]));
  return resource;
}

describe("the pack under the CLI's loader", () => {
  let pack: RunningPack;
  let client: AnalyzerClient;

  beforeAll(async () => {
    pack = await startPolicyPack(PACK);
    client = pack.client;
  }, 120_000);

  afterAll(() => pack?.stop());

  it("serves the four policies under the pack name kubeports", async () => {
    const info = await call<import("@pulumi/pulumi/proto/analyzer_pb").AnalyzerInfo>((cb) => client.getAnalyzerInfo(new Empty(), cb));
    expect(info.getName()).toBe("kubeports");
    expect(info.getVersion()).toBe("0.1.0");
    expect(info.getPoliciesList().map((p) => [p.getName(), p.getEnforcementlevel()])).toEqual([
      ["kubeports-no-world-internal-ports", EnforcementLevel.MANDATORY],
      ["kubeports-rancher-nodes-world-rules", EnforcementLevel.ADVISORY],
      ["kubeports-rule-descriptions", EnforcementLevel.ADVISORY],
      ["kubeports-aws-rules-per-group", EnforcementLevel.ADVISORY],
    ]);
  });

  async function analyze(type: string, props: Record<string, unknown>): Promise<AnalyzeDiagnostic[]> {
    const request = new AnalyzeRequest().setType(type).setName("r").setUrn(urnOf(type, "r")).setProperties(Struct.fromJavaScript(props as never)).setOptions(options());
    return (await call<import("@pulumi/pulumi/proto/analyzer_pb").AnalyzeResponse>((cb) => client.analyze(request, cb))).getDiagnosticsList();
  }

  it("blocks etcd open to the world with a mandatory diagnostic, and lets a described 443 rule through", async () => {
    const etcd = await analyze(RULE, { securityGroupId: "sg-1", ipProtocol: "tcp", fromPort: 2379, toPort: 2380, cidrIpv4: "0.0.0.0/0", description: "etcd" });
    expect(etcd.map((d) => [d.getPolicyname(), d.getEnforcementlevel()])).toEqual([["kubeports-no-world-internal-ports", EnforcementLevel.MANDATORY]]);
    expect(etcd[0]!.getMessage()).toContain("etcd");
    expect(await analyze(RULE, { securityGroupId: "sg-1", ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: "0.0.0.0/0", description: "HTTPS" })).toEqual([]);
  });

  it("at preview, passes a self reference that is still unknown, and notes an unknown CIDR on an internal port", async () => {
    expect(await analyze(RULE, { securityGroupId: UNKNOWN, ipProtocol: "tcp", fromPort: 10250, toPort: 10250, referencedSecurityGroupId: UNKNOWN, description: "kubelet" })).toEqual([]);
    const pending = await analyze(RULE, { securityGroupId: UNKNOWN, ipProtocol: "tcp", fromPort: 10250, toPort: 10250, cidrIpv4: UNKNOWN, description: "kubelet" });
    expect(pending.map((d) => [d.getEnforcementlevel(), d.getMessage()])).toEqual([[EnforcementLevel.ADVISORY, expect.stringContaining("can't run policy 'kubeports-no-world-internal-ports'")]]);
  });

  it("advises on a rancher-nodes world rule found through the engine's property dependencies", async () => {
    const group = stackResource(SG, "nodes", { name: "rancher-nodes", vpcId: "vpc-1", id: UNKNOWN });
    const ssh = stackResource(RULE, "ssh", { securityGroupId: UNKNOWN, ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIpv4: "0.0.0.0/0", description: "SSH" }, { securityGroupId: group.getUrn() });
    const response = await call<import("@pulumi/pulumi/proto/analyzer_pb").AnalyzeResponse>((cb) => client.analyzeStack(new AnalyzeStackRequest().setResourcesList([group, ssh]), cb));
    expect(response.getDiagnosticsList().map((d) => [d.getPolicyname(), d.getEnforcementlevel(), d.getUrn()])).toEqual([["kubeports-rancher-nodes-world-rules", EnforcementLevel.ADVISORY, ssh.getUrn()]]);
  });
});
