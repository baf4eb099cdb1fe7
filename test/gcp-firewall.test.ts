/**
 * GcpClusterFirewall under recording mocks: the resources a user would get, with their resolved
 * inputs. The expected rule table below is worked out from the Super Kubenetes port table (seed
 * 000) for masters = controlPlane + etcd and workers = worker, Calico IP-in-IP (the defaults), plus
 * the connectivity model's supplements the table leaves out (Typha TCP 5473, kubelet from the masters).
 */
import { describe, expect, it } from "vitest";
import * as pulumi from "@pulumi/pulumi";
import { compile } from "../components/compiler/compile";
import { KubeportsError } from "../components/model/errors";
import type { CustomRule, Layout } from "../components/model/layout";
import { GcpClusterFirewall, type GcpClusterFirewallArgs } from "../components/gcp";
import { installRecordingMocks, type RecordedResource } from "../components/preview/recordingMocks";

const FIREWALL = "gcp:compute/firewall:Firewall";
const GCP_NAME = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

const LAYOUT: Layout = {
  name: "sk",
  profiles: ["super-kubenetes"],
  groups: { masters: { roles: ["controlPlane", "etcd"] }, workers: { roles: ["worker"] } },
  peers: {
    admin: ["203.0.113.0/24", "2001:db8::/48"],
    apiClients: ["198.51.100.0/24"],
    workloadClients: ["192.0.2.0/24"],
  },
};

function value<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply((v) => (resolve(v), v)));
}

/** Lets the mock monitor finish registering everything the constructor started. */
async function registered(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setTimeout(resolve, 5));
}

async function record(name: string, args: GcpClusterFirewallArgs): Promise<{ firewall: GcpClusterFirewall; resources: RecordedResource[] }> {
  const recorder = await installRecordingMocks({ project: "kubeports", stack: "test" });
  const firewall = new GcpClusterFirewall(name, args);
  await value(firewall.summary);
  await registered();
  return { firewall, resources: recorder.resources };
}

const firewalls = (resources: readonly RecordedResource[]) => resources.filter((r) => r.type === FIREWALL);

// 5473: Typha (KubeKey's installer default) and 10250 from the masters: supplements of the connectivity model.
const MASTER_PORTS = ["22", "53", "179", "5473", "6443", "8443", "9099-9100", "10250-10258", "30000-32767"];
const NODE_PORTS = ["22", "53", "179", "5473", "8443", "9099-9100", "30000-32767"];
const tail = [{ protocol: "udp", ports: ["53"] }, { protocol: "4" }, { protocol: "94" }];

/**
 * name -> [target tag, source (tags or ranges), allows]. Sources that want the same ports share
 * a rule: masters and workers both reach the masters on the node ports, only masters reach etcd
 * and the workers' kubelet (the kubelet supplement, a rule of its own).
 */
const EXPECTED: Record<string, { target: string; source: { tags: string[] } | { ranges: string[] }; allows: unknown[] }> = {
  "sk-masters-in-from-masters": { target: "sk-masters", source: { tags: ["sk-masters"] }, allows: [{ protocol: "tcp", ports: ["2379-2380"] }] },
  "sk-masters-in-from-masters-workers": { target: "sk-masters", source: { tags: ["sk-masters", "sk-workers"] }, allows: [{ protocol: "tcp", ports: MASTER_PORTS }, ...tail] },
  "sk-workers-in-from-masters": { target: "sk-workers", source: { tags: ["sk-masters"] }, allows: [{ protocol: "tcp", ports: ["10250"] }] },
  "sk-workers-in-from-masters-workers": { target: "sk-workers", source: { tags: ["sk-masters", "sk-workers"] }, allows: [{ protocol: "tcp", ports: NODE_PORTS }, ...tail] },
  "sk-masters-in-from-admin-v4": { target: "sk-masters", source: { ranges: ["203.0.113.0/24"] }, allows: [{ protocol: "tcp", ports: ["22"] }] },
  "sk-masters-in-from-admin-v6": { target: "sk-masters", source: { ranges: ["2001:db8::/48"] }, allows: [{ protocol: "tcp", ports: ["22"] }] },
  "sk-workers-in-from-admin-v4": { target: "sk-workers", source: { ranges: ["203.0.113.0/24"] }, allows: [{ protocol: "tcp", ports: ["22"] }] },
  "sk-workers-in-from-admin-v6": { target: "sk-workers", source: { ranges: ["2001:db8::/48"] }, allows: [{ protocol: "tcp", ports: ["22"] }] },
  "sk-masters-in-from-apiclients-v4": { target: "sk-masters", source: { ranges: ["198.51.100.0/24"] }, allows: [{ protocol: "tcp", ports: ["6443"] }] },
  "sk-masters-in-from-workloadclients-v4": { target: "sk-masters", source: { ranges: ["192.0.2.0/24"] }, allows: [{ protocol: "tcp", ports: ["30000-32767"] }] },
  "sk-workers-in-from-workloadclients-v4": { target: "sk-workers", source: { ranges: ["192.0.2.0/24"] }, allows: [{ protocol: "tcp", ports: ["30000-32767"] }] },
};

describe("GcpClusterFirewall with network tags (default)", () => {
  it("creates exactly the rules the vendor table needs, each with its inputs", async () => {
    const { resources, firewall } = await record("sk", { layout: LAYOUT, network: "k8s-net", project: "acme" });
    const rules = firewalls(resources);
    expect(rules.map((r) => r.name).sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const rule of rules) {
      const expected = EXPECTED[rule.name]!;
      const source = "tags" in expected.source ? { sourceTags: expected.source.tags } : { sourceRanges: expected.source.ranges };
      expect(rule.inputs, rule.name).toEqual({
        name: rule.name,
        network: "k8s-net",
        project: "acme",
        direction: "INGRESS",
        priority: 1000,
        description: expect.stringMatching(/^kubeports sk: /),
        targetTags: [expected.target],
        ...source,
        allows: expected.allows,
      });
      expect(rule.parent).toBe("sk");
    }
    expect(await value(firewall.targetTags)).toEqual({ masters: ["sk-masters"], workers: ["sk-workers"] });
    expect(await value(firewall.serviceAccounts)).toEqual({});
    expect(await value(firewall.ruleNames)).toEqual(Object.keys(EXPECTED).sort());
    const summary = await value(firewall.summary);
    expect(summary).toContain("workers: network tag sk-workers");
    expect(summary).toContain("sk-masters-in-from-admin-v6  INGRESS allow p1000  masters <- admin 2001:db8::/48  tcp:22");
    expect(summary).toContain("no egress rules are created");
  });

  it("turns on logging with all metadata and uses the given priority", async () => {
    const { resources } = await record("sk", { layout: LAYOUT, network: "k8s-net", logging: true, priority: 4242 });
    const rules = firewalls(resources);
    expect(rules.length).toBe(Object.keys(EXPECTED).length);
    for (const rule of rules) {
      expect(rule.inputs.logConfig).toEqual({ metadata: "INCLUDE_ALL_METADATA" });
      expect(rule.inputs.priority).toBe(4242);
      expect(rule.inputs.project).toBeUndefined();
    }
  });

  it("uses an existing tag for a group wherever that group is a target or a source", async () => {
    const { resources, firewall } = await record("sk", { layout: LAYOUT, network: "k8s-net", groups: { workers: { tag: "legacy-workers" } } });
    const rules = firewalls(resources);
    expect(rules.find((r) => r.name === "sk-masters-in-from-masters-workers")?.inputs).toMatchObject({ sourceTags: ["sk-masters", "legacy-workers"], targetTags: ["sk-masters"] });
    expect(rules.find((r) => r.name === "sk-workers-in-from-masters-workers")?.inputs).toMatchObject({ sourceTags: ["sk-masters", "legacy-workers"], targetTags: ["legacy-workers"] });
    expect(await value(firewall.targetTags)).toEqual({ masters: ["sk-masters"], workers: ["legacy-workers"] });
  });

  it("builds the same resources from a compiled plan as from the layout", async () => {
    const fromLayout = await record("sk", { layout: LAYOUT, network: "k8s-net" });
    const fromPlan = await record("sk", { plan: compile(LAYOUT), network: "k8s-net" });
    const view = (list: RecordedResource[]) => firewalls(list).map((r) => [r.name, r.inputs]).sort();
    expect(view(fromPlan.resources)).toEqual(view(fromLayout.resources));
  });

  it("merges args.peers over the layout's peers before compiling", async () => {
    const { resources } = await record("sk", { layout: LAYOUT, network: "k8s-net", peers: { admin: ["10.9.0.0/16"] } });
    const rules = firewalls(resources);
    expect(rules.find((r) => r.name === "sk-workers-in-from-admin-v4")?.inputs.sourceRanges).toEqual(["10.9.0.0/16"]);
    expect(rules.some((r) => r.name === "sk-workers-in-from-admin-v6")).toBe(false);
    expect(rules.some((r) => r.name === "sk-masters-in-from-apiclients-v4")).toBe(true);
  });
});

describe("GcpClusterFirewall with existing service accounts", () => {
  it("targets and sources by service account only, never mixing in tags", async () => {
    const emails = { masters: "masters@acme.iam.gserviceaccount.com", workers: "workers@acme.iam.gserviceaccount.com" };
    const { resources, firewall } = await record("sk", {
      layout: LAYOUT,
      network: "k8s-net",
      useServiceAccounts: true,
      groups: { masters: { serviceAccountEmail: emails.masters }, workers: { serviceAccountEmail: emails.workers } },
    });
    const rules = firewalls(resources);
    expect(rules.map((r) => r.name).sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const rule of rules) {
      const expected = EXPECTED[rule.name]!;
      expect(rule.inputs.targetTags).toBeUndefined();
      expect(rule.inputs.sourceTags).toBeUndefined();
      expect(rule.inputs.targetServiceAccounts).toEqual([expected.target === "sk-masters" ? emails.masters : emails.workers]);
      if ("tags" in expected.source) {
        expect(rule.inputs.sourceServiceAccounts).toEqual(expected.source.tags.map((tag) => (tag === "sk-masters" ? emails.masters : emails.workers)));
        expect(rule.inputs.sourceRanges).toBeUndefined();
      } else {
        expect(rule.inputs.sourceServiceAccounts).toBeUndefined();
        expect(rule.inputs.sourceRanges).toEqual(expected.source.ranges);
      }
      expect(rule.inputs.allows).toEqual(expected.allows);
    }
    expect(resources.some((r) => r.type.startsWith("gcp:serviceaccount"))).toBe(false);
    expect(await value(firewall.targetTags)).toEqual({});
    expect(await value(firewall.serviceAccounts)).toEqual(emails);
  });
});

describe("stable names", () => {
  it("adding one port via layout.rules creates one rule for it and leaves every other rule as it was", async () => {
    const extra: CustomRule = {
      id: "site-metrics",
      description: "site metrics exporter",
      protocols: ["tcp"],
      ports: "9999",
      from: [{ role: "worker" }],
      to: { role: "controlPlane" },
    };
    const before = firewalls((await record("sk", { layout: LAYOUT, network: "k8s-net" })).resources);
    const after = firewalls((await record("sk", { layout: { ...LAYOUT, rules: [extra] }, network: "k8s-net" })).resources);
    // Only workers send 9999 to the masters: a piece no existing source set wants, so it gets
    // the rule of {workers}, and no existing rule changes at all.
    const created = after.filter((rule) => !before.some((b) => b.name === rule.name));
    expect(created.map((r) => r.name)).toEqual(["sk-masters-in-from-workers"]);
    expect(created[0]!.inputs).toMatchObject({ sourceTags: ["sk-workers"], targetTags: ["sk-masters"], allows: [{ protocol: "tcp", ports: ["9999"] }] });
    for (const old of before) expect(after.find((rule) => rule.name === old.name)?.inputs, old.name).toEqual(old.inputs);
  });
});

describe("stable names when a source is added", () => {
  it("adding a peer creates only its rules and leaves every existing rule as it was", async () => {
    const monitoring: CustomRule = {
      id: "node-exporter",
      description: "node exporter scraped by the monitoring network",
      protocols: ["tcp"],
      ports: "9100",
      from: [{ peer: "monitoring" }],
      to: { nodes: true },
    };
    const before = firewalls((await record("sk", { layout: LAYOUT, network: "k8s-net" })).resources);
    const layout = { ...LAYOUT, peers: { ...LAYOUT.peers, monitoring: ["10.8.0.0/16"] }, rules: [monitoring] };
    const after = firewalls((await record("sk", { layout, network: "k8s-net" })).resources);
    const added = after.filter((rule) => !before.some((b) => b.name === rule.name));
    expect(added.map((r) => r.name).sort()).toEqual(["sk-masters-in-from-monitoring-v4", "sk-workers-in-from-monitoring-v4"]);
    for (const old of before) expect(after.find((r) => r.name === old.name)?.inputs).toEqual(old.inputs);
  });
});

/** A plan edited by hand after compiling: one flow names a protocol kubeports does not know. */
function tampered(): never {
  const plan = JSON.parse(JSON.stringify(compile(LAYOUT)));
  plan.groups.find((g: { name: string }) => g.name === "workers").ingress[0].protocol = "gre";
  return plan as never;
}

describe("validation: nothing is registered when an argument is wrong", () => {
  const cases: [string, GcpClusterFirewallArgs, RegExp][] = [
    ["priority above 65535", { layout: LAYOUT, network: "n", priority: 70000 }, /args\.priority: expected a whole number from 0 to 65535, got 70000 \(a number\); lower wins; default 1000/],
    ["fractional priority", { layout: LAYOUT, network: "n", priority: 1.5 }, /args\.priority: expected a whole number from 0 to 65535, got 1\.5/],
    ["negative priority", { layout: LAYOUT, network: "n", priority: -1 }, /args\.priority: expected a whole number from 0 to 65535, got -1/],
    ["priority 65535 with restrictEgress", { layout: LAYOUT, network: "n", priority: 65535, restrictEgress: true, nodeRanges: ["10.0.0.0/16"] }, /args\.priority: 65535 is not allowed with restrictEgress/],
    ["bad tag", { layout: LAYOUT, network: "n", groups: { workers: { tag: "Workers_1" } } }, /args\.groups\.workers\.tag: tag "Workers_1" is not a valid GCP network tag/],
    ["tag ending in a hyphen", { layout: LAYOUT, network: "n", groups: { workers: { tag: "workers-" } } }, /tag "workers-" is not a valid GCP network tag/],
    ["two groups, one tag", { layout: LAYOUT, network: "n", groups: { masters: { tag: "k8s" }, workers: { tag: "k8s" } } }, /groups masters and workers share tag k8s/],
    ["tag with service accounts", { layout: LAYOUT, network: "n", useServiceAccounts: true, groups: { workers: { tag: "w" } } }, /args\.groups\.workers\.tag: "w" is a network tag, but useServiceAccounts is true/],
    ["service account without useServiceAccounts", { layout: LAYOUT, network: "n", groups: { workers: { serviceAccountEmail: "w@p.iam.gserviceaccount.com" } } }, /args\.groups\.workers\.serviceAccountEmail: service accounts are used only with useServiceAccounts: true/],
    ["malformed service account email", { layout: LAYOUT, network: "n", useServiceAccounts: true, groups: { workers: { serviceAccountEmail: "workers" } } }, /"workers" is not a service-account email/],
    ["FQDN egress without service accounts", { layout: LAYOUT, network: "projects/p/global/networks/n", restrictEgress: true, nodeRanges: ["10.0.0.0/16"], fqdnEgress: true }, /args\.fqdnEgress: needs useServiceAccounts: true/],
    ["FQDN egress without restrictEgress", { layout: LAYOUT, network: "projects/p/global/networks/n", useServiceAccounts: true, fqdnEgress: true }, /args\.fqdnEgress: FQDN allow rules change nothing while egress is unrestricted/],
    ["FQDN egress on a bare network name", { layout: LAYOUT, network: "n", useServiceAccounts: true, restrictEgress: true, nodeRanges: ["10.0.0.0/16"], fqdnEgress: true }, /args\.network: "n" is a bare name/],
    ["nodeRanges without restrictEgress", { layout: LAYOUT, network: "n", nodeRanges: ["10.0.0.0/16"] }, /args\.nodeRanges: only used with restrictEgress/],
    ["bad nodeRanges CIDR", { layout: LAYOUT, network: "n", restrictEgress: true, nodeRanges: ["10.0.0.1/16"] }, /args\.nodeRanges\[0\]: "10\.0\.0\.1\/16" has host bits set/],
    ["restrictEgress without nodeRanges", { layout: LAYOUT, network: "n", restrictEgress: true }, /args\.nodeRanges: restrictEgress needs the node groups' subnet CIDRs/],
    ["unknown group", { layout: LAYOUT, network: "n", groups: { wrokers: { tag: "w" } } }, /args\.groups\.wrokers: unknown node group "wrokers" \(known: masters, workers; did you mean "workers"\?\)/],
    ["both layout and plan", { layout: LAYOUT, plan: compile(LAYOUT), network: "n" }, /args: both layout and plan are given/],
    ["neither layout nor plan", { network: "n" }, /args: neither layout nor plan is given/],
    ["peers with a plan", { plan: compile(LAYOUT), network: "n", peers: { admin: ["10.0.0.0/8"] } }, /args\.peers: peers are merged into a layout before compiling/],
    // A given plan is refused by the check the three shells share (components/firewall/checkPlan),
    // which names the field, the value and what is allowed; test/firewall-contract.test.ts checks
    // AWS and Azure refuse it with the same words.
    ["not a plan", { plan: { schema: "x" } as never, network: "n" }, /plan\.schema: invalid value "x" \(allowed: "kubeports\.plan\/v1"\)/],
    ["a plan with an unknown protocol", { plan: tampered(), network: "n" }, /plan\.groups\[\d+\]\.ingress\[0\]\.protocol: invalid value "gre" \(allowed: "tcp", "udp", /],
    ["missing network", { layout: LAYOUT } as GcpClusterFirewallArgs, /args\.network: expected a string \(or a Pulumi Output or Promise of one\), got nothing; give the VPC network's name or self link/],
    ["unknown argument", { layout: LAYOUT, network: "n", prioirty: 5 } as GcpClusterFirewallArgs, /unknown field "prioirty" \(known: .*did you mean "priority"\?\)/],
    // @ts-expect-error a misspelt role is a type error for TypeScript callers; JavaScript callers get the message.
    ["bad layout", { layout: { ...LAYOUT, groups: { workers: { roles: ["wroker"] } } }, network: "n" }, /layout\.groups\.workers\.roles\[0\]: unknown role "wroker"/],
  ];

  it.each(cases)("%s", async (_label, args, message) => {
    const recorder = await installRecordingMocks();
    let caught: unknown;
    try {
      new GcpClusterFirewall("sk", args);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(KubeportsError);
    expect((caught as Error).message).toMatch(message);
    await registered();
    expect(recorder.resources).toEqual([]);
  });

  it("refuses a component name that cannot prefix GCP names", async () => {
    const recorder = await installRecordingMocks();
    expect(() => new GcpClusterFirewall("42", { layout: LAYOUT, network: "n" })).toThrow(/name: "42" cannot prefix GCP names/);
    await registered();
    expect(recorder.resources).toEqual([]);
  });

  it("derives valid names from an unusual component name", async () => {
    const { resources } = await record("Prod Cluster #1", { layout: LAYOUT, network: "n" });
    for (const rule of firewalls(resources)) {
      expect(rule.name).toMatch(/^prod-cluster-1-/);
      expect(rule.name).toMatch(GCP_NAME);
      expect((rule.inputs.targetTags as string[])[0]).toMatch(GCP_NAME);
    }
  });
});
