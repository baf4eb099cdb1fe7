/**
 * Logical names come from content: two recorded runs that differ by one port differ by
 * exactly the rule(s) for that port, and every other resource keeps its name and inputs.
 * Pulumi mocks can be re-installed in one process (each install gets a fresh monitor and
 * recorder), so both runs happen here; the first test checks that re-installing is clean.
 * Registering is slow under mocks, so later tests reuse the run of the same args (`shared`).
 */
import { describe, expect, it } from "vitest";
import { AwsClusterFirewall, type AwsClusterFirewallArgs } from "../components/aws/AwsClusterFirewall";
import type { CustomRule, Layout } from "../components/model/layout";
import { installRecordingMocks, settle, type RecordedResource } from "../components/preview/recordingMocks";

const LAYOUT: Layout = {
  name: "site",
  profiles: ["super-kubenetes"],
  groups: { masters: { roles: ["controlPlane", "etcd"] }, workers: { roles: ["worker"] } },
  peers: { admin: ["10.9.0.0/16", "2001:db8::/48"], apiClients: ["10.8.0.0/16"] },
};

async function run(args: Omit<AwsClusterFirewallArgs, "vpcId">): Promise<Map<string, RecordedResource>> {
  const recorder = await installRecordingMocks();
  new AwsClusterFirewall("kp", { vpcId: "vpc-0123456789abcdef0", ...args });
  await settle();
  const byName = new Map(recorder.resources.map((r) => [`${r.type}::${r.name}`, r]));
  expect(byName.size).toBe(recorder.resources.length);
  return byName;
}

/** One run per distinct args, reused by every test that needs it (runs are plain data). */
const runs = new Map<string, Promise<Map<string, RecordedResource>>>();
function shared(args: Omit<AwsClusterFirewallArgs, "vpcId">): Promise<Map<string, RecordedResource>> {
  const key = JSON.stringify(args);
  if (!runs.has(key)) runs.set(key, run(args));
  return runs.get(key)!;
}

function diff(before: Map<string, RecordedResource>, after: Map<string, RecordedResource>) {
  const added = [...after.keys()].filter((key) => !before.has(key));
  const removed = [...before.keys()].filter((key) => !after.has(key));
  const changed = [...before.keys()].filter((key) => after.has(key) && JSON.stringify(after.get(key)) !== JSON.stringify(before.get(key)));
  return { added, removed, changed };
}

const port7777 = (from: CustomRule["from"]): CustomRule => ({ id: "site-agent", description: "site agent", protocols: ["tcp"], ports: "7777", from, to: { role: "controlPlane" } });

describe("stable logical names", () => {
  it("records the same resources twice from the same input (re-installed mocks start clean)", async () => {
    const first = await shared({ layout: LAYOUT });
    const second = await run({ layout: LAYOUT });
    expect(diff(first, second)).toEqual({ added: [], removed: [], changed: [] });
    expect(first.size).toBeGreaterThan(40);
  });

  it("adding one port from one CIDR adds exactly one rule resource and changes nothing else", async () => {
    const before = await shared({ layout: LAYOUT });
    const after = await shared({ layout: { ...LAYOUT, rules: [port7777([{ peer: "apiClients" }])] } });
    const { added, removed, changed } = diff(before, after);
    expect(removed).toEqual([]);
    expect(changed).toEqual([]);
    expect(added).toEqual(["aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule::kp-masters-in-tcp-7777-from-10-8-0-0-16"]);
    expect(after.get(added[0]!)!.inputs).toMatchObject({ cidrIpv4: "10.8.0.0/16", fromPort: 7777, toPort: 7777, ipProtocol: "tcp", description: "site agent (layout site)" });
  });

  it("with restricted egress, a port between two groups adds its ingress and its egress rule only", async () => {
    const before = await shared({ layout: LAYOUT, restrictEgress: true });
    const after = await shared({ layout: { ...LAYOUT, rules: [port7777([{ role: "worker" }])] }, restrictEgress: true });
    const { added, removed, changed } = diff(before, after);
    expect(removed).toEqual([]);
    expect(changed).toEqual([]);
    expect(added.sort()).toEqual([
      "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule::kp-workers-out-tcp-7777-to-masters",
      "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule::kp-masters-in-tcp-7777-from-workers",
    ]);
  });

  it("removing the port removes exactly that rule again", async () => {
    const withPort = await shared({ layout: { ...LAYOUT, rules: [port7777([{ peer: "apiClients" }])] } });
    const without = await shared({ layout: LAYOUT });
    expect(diff(withPort, without)).toEqual({ added: [], removed: ["aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule::kp-masters-in-tcp-7777-from-10-8-0-0-16"], changed: [] });
  });
});
