/**
 * The pack on what kubeports itself creates, recorded under Pulumi mocks (resolved inputs plus
 * the id an update would report): kubeports never opens an internal port to the world and
 * describes every rule, and on its rancher-nodes group the pack advises on exactly the world
 * rules of the variant chosen (docs table, driver set, adminCidrs).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import * as pulumi from "@pulumi/pulumi";
import type { PolicyResource } from "@pulumi/policy";
import { RancherNodesSecurityGroup, type RancherNodesSecurityGroupArgs } from "../components/aws/RancherNodesSecurityGroup";
import { GcpClusterFirewall } from "../components/gcp";
import { installRecordingMocks, settle, type RecordedResource } from "../components/preview/recordingMocks";
import { missingDescriptions } from "../policy/descriptionCheck";
import { internalPortViolations } from "../policy/internalPortsCheck";
import { quotaAdvice } from "../policy/quotaCheck";
import { rancherNodesAdvice } from "../policy/rancherNodesCheck";

function asStackResources(recorded: readonly RecordedResource[]): PolicyResource[] {
  return recorded
    .filter((r) => r.custom)
    .map((r) => ({
      type: r.type,
      name: r.name,
      urn: r.urn,
      props: { ...r.inputs, id: r.id },
      opts: { protect: false, ignoreChanges: [], aliases: [], customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 }, additionalSecretOutputs: [] },
      dependencies: [],
      propertyDependencies: {},
      isType: () => false,
      asType: (() => undefined) as PolicyResource["asType"],
    }));
}

function resourceFindings(resources: readonly PolicyResource[]): string[] {
  return resources.flatMap((r) => [...internalPortViolations(r.type, r.props), ...missingDescriptions(r.type, r.props)]);
}

async function rancherNodes(args: Partial<RancherNodesSecurityGroupArgs>): Promise<PolicyResource[]> {
  const recorder = await installRecordingMocks();
  const group = new RancherNodesSecurityGroup("rn", { vpcId: "vpc-0123456789abcdef0", ...args });
  await new Promise<string>((resolve) => group.securityGroupId.apply(resolve));
  await settle();
  return asStackResources(recorder.resources);
}

/** "tcp 22 0.0.0.0/0" for each piece of advice. */
function advised(resources: readonly PolicyResource[]): string[] {
  return rancherNodesAdvice(resources)
    .map((finding) => /^(\w+ [\d-]+) from (\S+) on the rancher-nodes group/.exec(finding.message)!.slice(1).join(" "))
    .sort();
}

// The components log every world rule they keep; the pack's own findings are what is asserted here.
beforeEach(() => {
  vi.spyOn(pulumi.log, "warn").mockImplementation(async () => undefined);
});
afterEach(() => vi.restoreAllMocks());

const DOCS_WORLD = ["tcp 22", "tcp 80", "tcp 443", "tcp 2376", "tcp 6443", "tcp 30000-32767", "udp 30000-32767"];
const WORKLOAD = ["tcp 80", "tcp 443", "tcp 30000-32767", "udp 30000-32767"];

describe("kubeports' RancherNodesSecurityGroup under the pack", () => {
  it("docs table: no mandatory violation, every rule described, advice on the seven world rules", async () => {
    const resources = await rancherNodes({});
    expect(resourceFindings(resources)).toEqual([]);
    expect(quotaAdvice(resources)).toEqual([]);
    expect(advised(resources)).toEqual(DOCS_WORLD.map((rule) => `${rule} 0.0.0.0/0`).sort());
  });

  it("driver rules: advice on the world rules of both families and the webhook", async () => {
    const resources = await rancherNodes({ driverRules: true });
    expect(resourceFindings(resources)).toEqual([]);
    expect(advised(resources)).toEqual([...DOCS_WORLD, "tcp 8443"].flatMap((rule) => [`${rule} 0.0.0.0/0`, `${rule} ::/0`]).sort());
  });

  it("adminCidrs: SSH, Docker TLS and the API leave the internet, the workload ports remain", async () => {
    const resources = await rancherNodes({ adminCidrs: ["192.0.2.0/24"] });
    expect(resourceFindings(resources)).toEqual([]);
    expect(advised(resources)).toEqual(WORKLOAD.map((rule) => `${rule} 0.0.0.0/0`).sort());
  });
});

describe("kubeports' GcpClusterFirewall under the pack", () => {
  it("opens no internal port to the world and describes every rule, even with world-facing peers", async () => {
    const recorder = await installRecordingMocks();
    const firewall = new GcpClusterFirewall("sk", {
      network: "default",
      layout: {
        name: "sk",
        profiles: ["super-kubenetes"],
        groups: { masters: { roles: ["controlPlane", "etcd"] }, workers: { roles: ["worker"] } },
        peers: { admin: ["203.0.113.0/24"], apiClients: ["0.0.0.0/0"], workloadClients: ["0.0.0.0/0", "::/0"] },
      },
    });
    await new Promise((resolve) => firewall.summary.apply(resolve));
    await settle();
    const resources = asStackResources(recorder.resources);
    const firewalls = resources.filter((r) => r.type === "gcp:compute/firewall:Firewall");
    // The world does reach these rules (API and NodePort), so the check had something to judge.
    expect(firewalls.some((r) => (r.props.sourceRanges as string[] | undefined)?.includes("0.0.0.0/0"))).toBe(true);
    expect(resourceFindings(resources)).toEqual([]);
  });
});
