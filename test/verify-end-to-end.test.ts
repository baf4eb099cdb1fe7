/**
 * "The cluster's nodes can talk", checked at the cloud resource level: every flow the cluster
 * needs (the plan's vendor rows plus the connectivity model) passes the cloud's own evaluation
 * of the resources, for every shipped stack (its offline preview, under Pulumi mocks), every
 * example layout on each of the three clouds, and the generated catalog (every profile x every
 * option value x single-, split- and combined-group, clustered and dual-stack layouts) on each cloud.
 *
 * Layouts and the catalog use the shells' pure translations (no Pulumi: a mock run per case
 * would be too slow); the stacks' previews check the components' registration of those specs.
 * Where a shell refuses a plan with its documented error, the test takes the documented way
 * out: Azure's allowIpInIpAsAnyProtocol for IP-in-IP, a raised AWS rules-per-group quota.
 */
import { readdirSync, readFileSync } from "node:fs";
import { parse } from "yaml";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compile } from "../components/compiler/compile";
import { loadLayoutFile } from "../components/layout/loadLayoutFile";
import { KubeportsError } from "../components/model/errors";
import type { Plan } from "../components/model/plan";
import { CLOUDS, type Cloud } from "../components/verify/cloudFirewall";
import { cloudOf, firewallFor } from "../components/verify/firewallFor";
import { modelFlows } from "../components/verify/modelFlows";
import { translatedResources } from "../components/verify/translatedResources";
import { verifyPlan, type VerifyResult } from "../components/verify/verifyPlan";
import { compileSource } from "../components/cli/compileSource";
import { podAddressedFamilies } from "../components/connectivity/podRouting";
import { findProfile } from "../components/profiles/catalog";
import { catalogCases } from "./support/catalogLayouts";
import { PROJECT, preview as runPreview } from "./support/previewedStack";

const STACKS = ["rancher-aws", "apinizer-aws", "super-kubenetes-gcp", "dce5-azure"];
const EXAMPLES_DIR = path.resolve(__dirname, "../examples/layouts");
const EXAMPLES = readdirSync(EXAMPLES_DIR).filter((name) => /\.(ya?ml|json)$/.test(name)).sort();

/** Each stack previewed once for the whole file (runs are sequential: Pulumi's runtime state is process-wide). */
const previews = new Map<string, ReturnType<typeof runPreview>>();
function preview(stack: string): ReturnType<typeof runPreview> {
  if (!previews.has(stack)) previews.set(stack, runPreview(stack));
  return previews.get(stack)!;
}

function blocked(result: VerifyResult): string[] {
  return result.checks.filter((check) => !check.allowed).map((check) => `${check.flow.key}: ${check.blocked}`);
}

/** The shell's resources for a plan, taking the documented way out of a documented refusal. */
function resourcesFor(plan: Plan, cloud: Cloud) {
  try {
    return translatedResources(plan, cloud);
  } catch (error) {
    if (!(error instanceof KubeportsError)) throw error;
    if (cloud === "azure" && /allowIpInIpAsAnyProtocol/.test(error.message)) return translatedResources(plan, cloud, { allowIpInIpAsAnyProtocol: true });
    if (cloud === "aws" && /AWS allows 60 per security group/.test(error.message)) return translatedResources(plan, cloud, { rulesPerGroupQuota: 200 });
    throw error;
  }
}

function verifyTranslated(plan: Plan, cloud: Cloud, label: string): VerifyResult {
  return verifyPlan(plan, firewallFor(cloud, resourcesFor(plan, cloud)), label, modelFlows(plan));
}

describe("every shipped stack's nodes can talk (evaluated over its offline preview)", () => {
  it.each(STACKS)("%s lets every needed flow through", async (stack) => {
    const resources = (await preview(stack)).resources;
    const plan = compileSource(stack, PROJECT);
    const result = verifyPlan(plan, firewallFor(cloudOf(resources)!, resources), stack, modelFlows(plan));
    expect(result.checks.length).toBeGreaterThan(10);
    expect(blocked(result)).toEqual([]);
  }, 30_000);
});

/** Rule resources by name with the inputs that decide what they match (ids reduced to their last segment, group ids left out). */
const RULE_TYPES = ["aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", "gcp:compute/firewall:Firewall", "azure-native:network:SecurityRule"];
const MATCH_INPUTS = ["ipProtocol", "fromPort", "toPort", "cidrIpv4", "cidrIpv6", "direction", "priority", "allows", "denies", "sourceRanges", "destinationRanges", "sourceTags", "targetTags", "access", "protocol", "destinationPortRange", "destinationPortRanges", "sourceAddressPrefix", "sourceAddressPrefixes", "destinationAddressPrefix", "destinationAddressPrefixes", "sourceApplicationSecurityGroups", "destinationApplicationSecurityGroups"];
function ruleMatches(resources: readonly { type: string; name: string; inputs: Readonly<Record<string, unknown>> }[]): Record<string, unknown> {
  const reduce = (value: unknown): unknown =>
    Array.isArray(value) ? value.map(reduce) : value && typeof value === "object" ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, reduce(v)])) : typeof value === "string" && value.includes("/") && !/^[\d.:a-f]+\/\d+$/.test(value) ? value.split("/").pop()!.toLowerCase() : value;
  return Object.fromEntries(
    resources
      .filter((r) => RULE_TYPES.includes(r.type))
      .map((r) => [r.name, reduce(Object.fromEntries(MATCH_INPUTS.filter((k) => r.inputs[k] !== undefined).map((k) => [k, r.inputs[k]])))]),
  );
}

describe("a layout file is verified over what its component would register", () => {
  it.each(STACKS)("%s: the pure translation gives the component's rules, matching the same traffic", async (stack) => {
    const plan = compileSource(stack, PROJECT);
    const registered = (await preview(stack)).resources.filter((r) => r.parent === plan.layout);
    const cloud = cloudOf(registered)!;
    const expected = ruleMatches(registered);
    expect(Object.keys(expected).length).toBeGreaterThan(5);
    expect(ruleMatches(translatedResources(plan, cloud))).toEqual(expected);
  }, 30_000);
});

describe("flows of the connectivity model are checked beside the vendor rows", () => {
  const key = "udp:8472:group:workers->workers";
  it("apinizer-aws: Flannel VXLAN between two workers, which the vendor rows leave out, passes through the model's supplement (issue 12's example)", async () => {
    const resources = (await preview("apinizer-aws")).resources;
    const plan = compileSource("apinizer-aws", PROJECT);
    const result = verifyPlan(plan, firewallFor("aws", resources), "apinizer-aws", modelFlows(plan));
    const check = result.checks.find((c) => c.flow.key === key)!;
    expect(check.allowed).toBe(true);
    expect(check.flow.origins).toContainEqual(expect.objectContaining({ kind: "model", id: "flannel-vxlan" }));
    expect(check.flow.origins).toContainEqual(expect.objectContaining({ kind: "vendor", id: "connectivity-model/flannel-vxlan" }));
    expect(result.blocked).toBe(0);
  }, 30_000);

  it("apinizer-aws with the vendor rows alone (completeness: warn): the same flow is blocked, and only it", () => {
    const cluster = parse(readFileSync(path.resolve(__dirname, "../stacks/clusters/apinizer-aws.yaml"), "utf8")) as { layout: Record<string, unknown> };
    const plan = compile({ ...cluster.layout, completeness: "warn" });
    const result = verifyPlan(plan, firewallFor("aws", translatedResources(plan, "aws")), "apinizer-aws", modelFlows(plan));
    const check = result.checks.find((c) => c.flow.key === key)!;
    expect(check).toMatchObject({ allowed: false, flow: { origins: [{ kind: "model", id: "flannel-vxlan" }] } });
    expect(check.blocked).toContain("no ingress rule of");
    expect(result.blocked).toBe(1);
  });
});

describe("every example layout's nodes can talk, on every cloud", () => {
  const cases = EXAMPLES.flatMap((file) => CLOUDS.map((cloud) => [file, cloud] as const));
  it.each(cases)("%s on %s lets every needed flow through", (file, cloud) => {
    const plan = compile(loadLayoutFile(file, EXAMPLES_DIR).value);
    const result = verifyTranslated(plan, cloud, file);
    expect(result.checks.length).toBeGreaterThan(0);
    expect(blocked(result)).toEqual([]);
  });
});

describe("the generated catalog's nodes can talk, on every cloud", () => {
  // The four shapes of the whole catalog, and dual-stack peers (IPv6 sources) for a few profiles.
  const dualStack = ["kubernetes", "calico", "cilium", "rancher"].map((id) => findProfile(id)!);
  const cases = [...catalogCases([{}, { groups: "split" }, { groups: "combined" }, { clustered: true }]), ...catalogCases([{ dualStack: true }], dualStack)];
  // Cases that compile to the same flows (a default spelled out, an option a profile ignores) are checked once.
  const byPlan = new Map<string, { plan: Plan; labels: string[] }>();
  for (const c of cases) {
    const plan = compile(c.layout);
    const key = JSON.stringify({ groups: plan.groups, peers: plan.peers });
    const entry = byPlan.get(key) ?? { plan, labels: [] };
    entry.labels.push(c.label);
    byPlan.set(key, entry);
  }

  it("covers every profile in every shape", () => {
    expect(cases.length).toBeGreaterThan(300);
    expect(new Set(cases.map((c) => c.profile.id)).size).toBeGreaterThan(10);
  });

  it.each(CLOUDS)("every catalog case lets every needed flow through on %s", (cloud) => {
    const failures: string[] = [];
    let flows = 0;
    let refused = 0;
    for (const { plan, labels } of byPlan.values()) {
      // Pod-addressed modes (Calico BGP, Cilium native routing, IPv6 under IP-in-IP) are refused by every shell, with the reason.
      if (podAddressedFamilies(plan.options).length > 0) {
        expect(() => translatedResources(plan, cloud), labels[0]).toThrow(/pod addresses/);
        refused++;
        continue;
      }
      const result = verifyTranslated(plan, cloud, labels[0]!);
      flows += result.checks.length;
      for (const line of blocked(result)) failures.push(`${labels.join(" / ")}: ${line}`);
    }
    expect(flows).toBeGreaterThan(1000);
    expect(refused).toBeGreaterThan(0);
    expect(failures).toEqual([]);
  }, 60_000);
});
