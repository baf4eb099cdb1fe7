/**
 * AwsClusterFirewall under recording mocks: what it registers (types, inputs, sources, names)
 * and every documented error, each checked to register nothing at all.
 *
 * Registering is slow under mocks, so a build is shared by the tests that read the same args,
 * and tests about the rules' content read the resources the component's spec maps to
 * (`derive`: the same resolveFirewallArgs the constructor runs, through the registrar's own
 * groupArgs/ruleArgs, ids as the mocks assign them). Every registrar path (created and
 * existing groups, plain and Output ids, group, CIDR and prefix-list sources, ports or none)
 * is built under mocks below and must register exactly what `derive` gives for its args.
 */
import { beforeAll, describe, expect, it } from "vitest";
import * as pulumi from "@pulumi/pulumi";
import { AwsClusterFirewall, type AwsClusterFirewallArgs } from "../components/aws/AwsClusterFirewall";
import type { AwsFirewallSpec } from "../components/aws/awsSpec";
import { RULE_DESCRIPTION_CHARS } from "../components/aws/awsText";
import { resolveFirewallArgs, type FirewallArgsInput } from "../components/aws/firewallArgs";
import { groupArgs, ruleArgs } from "../components/aws/awsResourceArgs";
import { compile } from "../components/compiler/compile";
import { KubeportsError } from "../components/model/errors";
import type { CustomRule, Layout } from "../components/model/layout";
import type { Plan } from "../components/model/plan";
import { installRecordingMocks, mockId, settle, type RecordedResource } from "../components/preview/recordingMocks";

const VPC = "vpc-0123456789abcdef0";
const SG_TYPE = "aws:ec2/securityGroup:SecurityGroup";
const IN_TYPE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const OUT_TYPE = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
const SOURCES = ["cidrIpv4", "cidrIpv6", "prefixListId", "referencedSecurityGroupId"] as const;

const LAYOUT: Layout = {
  name: "site",
  profiles: ["super-kubenetes"],
  groups: { masters: { roles: ["controlPlane", "etcd"] }, workers: { roles: ["worker"] } },
  peers: { admin: ["10.9.0.0/16"], apiClients: ["10.8.0.0/16"] },
};

function withRules(...rules: CustomRule[]): Layout {
  return { ...LAYOUT, rules };
}

async function record(name: string, args: Partial<AwsClusterFirewallArgs>) {
  const recorder = await installRecordingMocks();
  const firewall = new AwsClusterFirewall(name, { vpcId: VPC, ...args } as AwsClusterFirewallArgs);
  const ids = await new Promise<Record<string, string>>((resolve) => firewall.securityGroupIds.apply(resolve));
  await settle();
  const resources = recorder.resources;
  const byName = (n: string) => {
    const found = resources.find((r) => r.name === n);
    if (!found) throw new Error(`no resource ${n}; have ${resources.map((r) => r.name).join(", ")}`);
    return found;
  };
  const rules = resources.filter((r) => r.type === IN_TYPE || r.type === OUT_TYPE);
  return { firewall, ids, resources, rules, byName };
}

/** A resource as the tests read it: recorded, or derived from the spec. */
type Resource = Pick<RecordedResource, "type" | "name" | "id" | "parent" | "custom" | "inputs">;

/**
 * The resources AwsClusterFirewall registers for a spec: the registrar's own mapping (groupArgs,
 * ruleArgs), created groups' ids as the mocks assign them, existing group and prefix list ids
 * as given (resolved).
 */
function specResources(name: string, spec: AwsFirewallSpec, existingIds: Readonly<Record<string, string>>, prefixListIds: Readonly<Record<string, string>>) {
  const ids: Record<string, string> = {};
  const resources: Resource[] = [];
  for (const group of spec.groups) {
    if (group.existing) {
      ids[group.group] = existingIds[group.group]!;
      continue;
    }
    const inputs = groupArgs(group, VPC);
    ids[group.group] = mockId(SG_TYPE, group.logicalName, inputs);
    resources.push({ type: SG_TYPE, name: group.logicalName, id: ids[group.group]!, parent: name, custom: true, inputs });
  }
  for (const rule of spec.rules) {
    const type = rule.direction === "ingress" ? IN_TYPE : OUT_TYPE;
    const inputs = ruleArgs(rule, ids, { prefixListIds });
    resources.push({ type, name: rule.name, id: mockId(type, rule.name, inputs), parent: name, custom: true, inputs });
  }
  return { ids, resources };
}

/** Plain-string ids of the args (derive takes no Outputs). */
function plainIds(args: Partial<AwsClusterFirewallArgs>) {
  const plain = (value: unknown, what: string) => {
    if (typeof value !== "string") throw new Error(`derive needs ${what} as a plain string`);
    return value;
  };
  return {
    existingIds: Object.fromEntries(
      Object.entries(args.groups ?? {}).flatMap(([group, given]) => (given.existingSecurityGroupId === undefined ? [] : [[group, plain(given.existingSecurityGroupId, group)]])),
    ),
    prefixListIds: Object.fromEntries(Object.entries(args.prefixLists ?? {}).map(([peer, id]) => [peer, plain(id, peer)])),
  };
}

/** What `record` returns, from the spec the constructor computes for these args, without registering. */
function derive(name: string, args: Partial<AwsClusterFirewallArgs>, resolved = plainIds(args)) {
  const { plan, spec } = resolveFirewallArgs(name, { vpcId: VPC, ...args } as FirewallArgsInput);
  const { ids, resources } = specResources(name, spec, resolved.existingIds, resolved.prefixListIds);
  const firewall = { plan, summary: spec.summary, rules: Object.fromEntries(Object.entries(spec.summary).map(([group, summary]) => [group, summary.rules])) };
  const byName = (n: string) => {
    const found = resources.find((r) => r.name === n);
    if (!found) throw new Error(`no resource ${n}; have ${resources.map((r) => r.name).join(", ")}`);
    return found;
  };
  const rules = resources.filter((r) => r.type === IN_TYPE || r.type === OUT_TYPE);
  return { firewall, ids, resources, rules, byName };
}

const byTypeAndName = (resources: readonly Resource[]) =>
  resources.map(({ type, name, id, parent, custom, inputs }) => ({ type, name, id, parent, custom, inputs })).sort((a, b) => `${a.type}::${a.name}`.localeCompare(`${b.type}::${b.name}`));

/** A build registered exactly the resources, ids and outputs `derive` gives for its args. */
function expectRegistersSpec(built: Awaited<ReturnType<typeof record>>, name: string, args: Partial<AwsClusterFirewallArgs>, resolved: ReturnType<typeof plainIds>) {
  const expected = derive(name, args, resolved);
  expect(built.ids).toStrictEqual(expected.ids);
  expect(built.resources.filter((r) => !r.custom).map((r) => `${r.type} ${r.name} ${r.parent}`)).toEqual([`kubeports:index:AwsClusterFirewall ${name} null`]);
  expect(byTypeAndName(built.resources.filter((r) => r.custom))).toStrictEqual(byTypeAndName(expected.resources));
  expect(built.firewall.plan).toStrictEqual(expected.firewall.plan);
  expect(built.firewall.summary).toStrictEqual(expected.firewall.summary);
  expect(built.firewall.rules).toStrictEqual(expected.firewall.rules);
}

/** Builds shared by every test that reads the same args. */
let kpDefault: Awaited<ReturnType<typeof record>>;
let kpRestricted: Awaited<ReturnType<typeof record>>;
beforeAll(async () => {
  kpDefault = await record("kp", { layout: LAYOUT });
  kpRestricted = await record("kp", { layout: LAYOUT, restrictEgress: true });
});

/** Runs a constructor that must fail; returns the error after checking nothing was registered. */
async function rejects(name: string, args: Partial<AwsClusterFirewallArgs>): Promise<KubeportsError> {
  const recorder = await installRecordingMocks();
  let caught: unknown;
  try {
    new AwsClusterFirewall(name, { vpcId: VPC, ...args } as AwsClusterFirewallArgs);
  } catch (error) {
    caught = error;
  }
  await settle();
  expect(caught).toBeInstanceOf(KubeportsError);
  expect(recorder.resources).toEqual([]);
  return caught as KubeportsError;
}

/** The AWS protocol a plan protocol must arrive as (from the API reference, not the code under test). */
const AWS_PROTOCOL: Record<string, string> = { tcp: "tcp", udp: "udp", icmp: "icmp", ipip: "4", ipip94: "94", esp: "50", all: "-1" };

function rulesOf(rules: readonly Resource[], groupId: string, type = IN_TYPE) {
  return rules.filter((r) => r.type === type && r.inputs.securityGroupId === groupId);
}

describe("AwsClusterFirewall: resources", () => {
  it("creates one security group per node group with no inline rules, and only vpc.* rule resources", () => {
    const { resources, ids, byName } = kpDefault;
    const types = new Set(resources.map((r) => r.type));
    expect([...types].sort()).toEqual(["kubeports:index:AwsClusterFirewall", SG_TYPE, OUT_TYPE, IN_TYPE].sort());
    expect(types.has("aws:ec2/securityGroupRule:SecurityGroupRule")).toBe(false);
    for (const group of ["masters", "workers"]) {
      const sg = byName(`kp-${group}`);
      expect(sg.inputs).not.toHaveProperty("ingress");
      expect(sg.inputs).not.toHaveProperty("egress");
      expect(sg.inputs).toMatchObject({ name: `kp-${group}`, vpcId: VPC, description: `kubeports node group ${group} (kp)` });
      expect(sg.parent).toBe("kp");
      expect(ids[group]).toBe(sg.id);
    }
  });

  it("registers exactly the resources its spec maps to, with allow-all and with restricted egress", () => {
    expectRegistersSpec(kpDefault, "kp", { layout: LAYOUT }, plainIds({}));
    expectRegistersSpec(kpRestricted, "kp", { layout: LAYOUT, restrictEgress: true }, plainIds({}));
  });

  it("gives every rule exactly one source", () => {
    const { rules } = kpRestricted;
    expect(rules.length).toBeGreaterThan(40);
    for (const rule of rules) expect(SOURCES.filter((key) => rule.inputs[key] !== undefined)).toHaveLength(1);
  });

  it("turns intra-group rows into self references: referencedSecurityGroupId is the group's own id", () => {
    const { rules, ids, firewall } = kpDefault;
    const etcd = rules.find((r) => r.name === "kp-masters-in-tcp-2379-2380-from-masters")!;
    expect(etcd.inputs).toMatchObject({ securityGroupId: ids.masters, referencedSecurityGroupId: ids.masters, ipProtocol: "tcp", fromPort: 2379, toPort: 2380 });
    // Every self flow of the plan has such a rule, on the same ports.
    for (const group of firewall.plan.groups) {
      for (const flow of group.ingress.filter((f) => f.peer.kind === "group" && f.peer.group === group.name)) {
        const match = rulesOf(rules, ids[group.name]!).filter((r) => r.inputs.referencedSecurityGroupId === ids[group.name] && r.inputs.ipProtocol === AWS_PROTOCOL[flow.protocol] && r.inputs.fromPort === flow.ports?.from && r.inputs.toPort === flow.ports?.to);
        expect(match, flow.key).toHaveLength(1);
      }
    }
    // And rules between groups reference the other group.
    expect(rules.find((r) => r.name === "kp-masters-in-tcp-6443-from-workers")!.inputs).toMatchObject({ securityGroupId: ids.masters, referencedSecurityGroupId: ids.workers });
  });

  it("writes IP-in-IP as protocol 4 and IP protocol 94 as 94, without ports", () => {
    const { rules } = kpDefault;
    const ipip = rules.filter((r) => r.inputs.ipProtocol === "4");
    const ipip94 = rules.filter((r) => r.inputs.ipProtocol === "94");
    expect(ipip.map((r) => r.name).sort()).toEqual(["kp-masters-in-ipip-from-masters", "kp-masters-in-ipip-from-workers", "kp-workers-in-ipip-from-masters", "kp-workers-in-ipip-from-workers"]);
    expect(ipip94).toHaveLength(4);
    for (const rule of [...ipip, ...ipip94]) {
      expect(rule.inputs).not.toHaveProperty("fromPort");
      expect(rule.inputs).not.toHaveProperty("toPort");
    }
  });

  it("re-creates allow-all egress for IPv4 and IPv6 by default, and nothing else outbound", () => {
    const { rules, ids } = kpDefault;
    for (const group of ["masters", "workers"]) {
      const egress = rulesOf(rules, ids[group]!, OUT_TYPE).map((r) => ({ ...r.inputs, tags: undefined }));
      expect(egress).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ ipProtocol: "-1", cidrIpv4: "0.0.0.0/0" }),
          expect.objectContaining({ ipProtocol: "-1", cidrIpv6: "::/0" }),
        ]),
      );
      expect(egress).toHaveLength(2);
      for (const rule of egress) expect(rule).not.toHaveProperty("fromPort");
    }
  });

  it("with restrictEgress, creates exactly the plan's egress flows", () => {
    const { rules, ids, firewall } = kpRestricted;
    for (const group of firewall.plan.groups) {
      const egress = rulesOf(rules, ids[group.name]!, OUT_TYPE);
      expect(egress).toHaveLength(group.egress.length);
      for (const flow of group.egress) {
        if (flow.peer.kind !== "group") throw new Error("super-kubenetes has only group egress");
        const match = egress.filter((r) => r.inputs.referencedSecurityGroupId === ids[(flow.peer as { group: string }).group] && r.inputs.ipProtocol === AWS_PROTOCOL[flow.protocol] && r.inputs.fromPort === flow.ports?.from && r.inputs.toPort === flow.ports?.to);
        expect(match, flow.key).toHaveLength(1);
      }
      expect(egress.some((r) => r.inputs.cidrIpv4 === "0.0.0.0/0" || r.inputs.cidrIpv6 === "::/0")).toBe(false);
    }
  });

  it("skips host-name egress and reports it: allowed by allow-all egress, not by restricted egress", () => {
    const pull: CustomRule = { id: "image-pulls", description: "image pulls", protocols: ["tcp"], ports: "443", from: [{ nodes: true }], to: { hosts: ["registry.example.com"] } };
    const open = derive("kp", { layout: withRules(pull) });
    expect(open.firewall.summary.workers!.hostEgress).toEqual([expect.objectContaining({ host: "registry.example.com", protocol: "tcp", ports: "443", allowed: true })]);
    const closed = derive("kp", { layout: withRules(pull), restrictEgress: true });
    expect(closed.firewall.summary.workers!.hostEgress).toEqual([expect.objectContaining({ host: "registry.example.com", allowed: false })]);
    expect(closed.rules.some((r) => JSON.stringify(r.inputs).includes("registry.example.com"))).toBe(false);
  });

  it("names rules from their content and makes CIDRs safe in names", async () => {
    const args = { layout: { ...LAYOUT, peers: { admin: ["10.9.0.0/16", "2001:db8::/48"] } } };
    const built = await record("kp", args);
    expectRegistersSpec(built, "kp", args, plainIds({}));
    const { rules } = built;
    const names = rules.map((r) => r.name);
    expect(names).toContain("kp-masters-in-tcp-22-from-10-9-0-0-16");
    expect(names).toContain("kp-masters-in-tcp-22-from-ipv6-2001-db8---48");
    expect(names).toContain("kp-masters-out-all-to-anywhere-ipv4");
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^kp-(masters|workers)-(in|out)-[a-z0-9]+(-[a-z0-9-]+)?-(from|to)-[a-z0-9-]+$/);
    expect(rules.find((r) => r.name === "kp-masters-in-tcp-22-from-ipv6-2001-db8---48")!.inputs).toMatchObject({ cidrIpv6: "2001:db8::/48" });
  });
});

describe("AwsClusterFirewall: descriptions and tags", () => {
  it("describes every rule from its reasons within AWS's character set and 255 characters", () => {
    const { rules } = kpRestricted;
    expect(rules.find((r) => r.name === "kp-masters-in-tcp-2379-2380-from-masters")!.inputs.description).toBe("etcd (super-kubenetes 000_d5e27fa0bf6b16e4.txt)");
    for (const rule of rules) {
      const description = rule.inputs.description as string;
      expect(description).toMatch(RULE_DESCRIPTION_CHARS);
      expect(description).toMatch(/^[a-zA-Z0-9 ._\-:/()#,@[\]+=;{}!$*]+$/);
      expect(description.length).toBeLessThanOrEqual(255);
    }
  });

  it("transliterates symbols and accents a vendor or user writes, and cuts long text visibly", () => {
    const fancy: CustomRule = { id: "metrics", description: "Prometheus → node-exporter “metrics” & café", protocols: ["tcp"], ports: "9100", from: [{ peer: "admin" }], to: { role: "worker" } };
    const long: CustomRule = { id: "long", description: `very long ${"reason ".repeat(60)}`, protocols: ["tcp"], ports: "9200", from: [{ peer: "admin" }], to: { role: "worker" } };
    const { rules } = derive("kp", { layout: withRules(fancy, long) });
    expect(rules.find((r) => r.name === "kp-workers-in-tcp-9100-from-10-9-0-0-16")!.inputs.description).toBe("Prometheus to node-exporter metrics and cafe (layout site)");
    const cut = rules.find((r) => r.name === "kp-workers-in-tcp-9200-from-10-9-0-0-16")!.inputs.description as string;
    expect(cut.length).toBeLessThanOrEqual(255);
    expect(cut).toMatch(/very long reason .* \.\.\. \(truncated\)$/);
  });

  it("rejects text with no ASCII form, naming the field and the character", async () => {
    const korean: CustomRule = { id: "monitoring", description: "모니터링", protocols: ["tcp"], ports: "9100", from: [{ peer: "admin" }], to: { role: "worker" } };
    const error = await rejects("kp", { layout: withRules(korean) });
    expect(error.issues).toContainEqual({ path: 'layout.rules["monitoring"].description', message: expect.stringContaining('"모" (U+BAA8)') });
    expect(error.message).toContain("write it in ASCII");
  });

  it("tags every group and rule with the node group, the sources and managed-by, plus the user's tags", () => {
    const { resources } = derive("kp", { layout: LAYOUT, tags: { team: "platform" } });
    for (const resource of resources.filter((r) => r.custom)) {
      const tags = resource.inputs.tags as Record<string, string>;
      expect(tags).toMatchObject({ "managed-by": "kubeports", team: "platform", Name: expect.any(String) });
      expect(["masters", "workers"]).toContain(tags["kubeports:node-group"]);
      for (const value of Object.values(tags)) expect(value.length).toBeLessThanOrEqual(256);
    }
    const etcd = resources.find((r) => r.name === "kp-masters-in-tcp-2379-2380-from-masters")!;
    expect((etcd.inputs.tags as Record<string, string>)["kubeports:sources"]).toBe("000_d5e27fa0bf6b16e4.txt");
  });

  it("rejects tags kubeports sets itself and tags AWS reserves", async () => {
    const error = await rejects("kp", { layout: LAYOUT, tags: { "managed-by": "me", "aws:owner": "x" } });
    expect(error.issues.map((i) => i.path)).toEqual(expect.arrayContaining(["args.tags.managed-by", "args.tags.aws:owner"]));
  });
});

describe("AwsClusterFirewall: the rules-per-group quota", () => {
  /** Inbound IPv4 rules of masters without any admin CIDR, to put the boundary exactly at 60. */
  function baseline(): number {
    const { firewall } = derive("kp", { layout: { ...LAYOUT, peers: {} } });
    return firewall.summary.masters!.quota.ingressIpv4;
  }
  const cidrs = (n: number, v6 = false) => Array.from({ length: n }, (_, i) => (v6 ? `2001:db8:${i.toString(16)}::/48` : `10.${i}.0.0/16`));

  it("accepts exactly 60 inbound IPv4 rules and rejects 61, naming the group and the count, registering nothing", async () => {
    const base = baseline();
    const fits = derive("kp", { layout: { ...LAYOUT, peers: { admin: cidrs(60 - base) } } });
    expect(fits.firewall.summary.masters!.quota.ingressIpv4).toBe(60);

    const error = await rejects("kp", { layout: { ...LAYOUT, peers: { admin: cidrs(61 - base) } } });
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]!.path).toBe("plan.groups.masters");
    expect(error.issues[0]!.message).toContain('node group "masters" needs 61 inbound IPv4 rules, but AWS allows 60');
    expect(error.issues[0]!.message).toContain("Split the group's roles");
    expect(error.issues[0]!.message).toContain("quota increase");
  });

  it("counts IPv4 and IPv6 separately, and a group reference in both families", () => {
    const base = baseline();
    const { firewall } = derive("kp", { layout: { ...LAYOUT, peers: { admin: [...cidrs(60 - base), ...cidrs(60 - base, true)] } } });
    const quota = firewall.summary.masters!.quota;
    expect(quota.ingressIpv4).toBe(60);
    expect(quota.ingressIpv6).toBe(60);
    const groupRefs = firewall.rules.masters!.filter((r) => r.direction === "ingress" && (r.peerKind === "group" || r.peerKind === "self")).length;
    expect(groupRefs).toBe(base);
  });

  it("uses a raised quota when given, and rejects nonsense quotas", async () => {
    const base = baseline();
    const { firewall } = derive("kp", { layout: { ...LAYOUT, peers: { admin: cidrs(61 - base) } }, rulesPerGroupQuota: 100 });
    expect(firewall.summary.masters!.quota).toMatchObject({ limit: 100, ingressIpv4: 61 });
    const error = await rejects("kp", { layout: LAYOUT, rulesPerGroupQuota: 0 });
    expect(error.issues[0]).toMatchObject({ path: "args.rulesPerGroupQuota" });
  });
});

describe("AwsClusterFirewall: names, duplicates and plans", () => {
  it("rejects security group names starting with sg-, from the args or from the component name", async () => {
    const explicit = await rejects("kp", { layout: LAYOUT, groups: { masters: { name: "sg-masters" } } });
    expect(explicit.issues).toEqual([{ path: "args.groups.masters.name", message: expect.stringContaining('starts with "sg-"') }]);
    const derived = await rejects("sg-cluster", { layout: LAYOUT });
    // One per group whose default name would start with the component name.
    expect(derived.issues.map((i) => i.path)).toEqual(["name", "name"]);
    expect(derived.message).toContain("rename the component or set args.groups.masters.name");
  });

  it("rejects names longer than 255 characters and names that differ only in case", async () => {
    const long = await rejects("kp", { layout: LAYOUT, groups: { masters: { name: "m".repeat(256) } } });
    expect(long.issues[0]!.message).toContain("must be 1-255 characters");
    const clash = await rejects("kp", { layout: LAYOUT, groups: { masters: { name: "Nodes" }, workers: { name: "nodes" } } });
    expect(clash.issues[0]!.message).toContain("AWS ignores case");
  });

  it("uses a given name for the AWS group and keeps the logical name", () => {
    const { byName } = derive("kp", { layout: LAYOUT, groups: { masters: { name: "prod-control-plane" } } });
    expect(byName("kp-masters").inputs.name).toBe("prod-control-plane");
  });

  it("rejects a plan whose flows would become duplicate AWS rules", async () => {
    const plan = compile(LAYOUT);
    const masters = plan.groups.find((g) => g.name === "masters")!;
    const doubled: Plan = { ...plan, groups: plan.groups.map((g) => (g === masters ? { ...g, ingress: [...g.ingress, g.ingress[3]!] } : g)) };
    const error = await rejects("kp", { plan: doubled });
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]!.path).toBe("plan.groups.masters.ingress");
    expect(error.issues[0]!.message).toContain("asks twice for the same rule");
  });

  it("accepts a compiled plan as well as a layout, with the same resources", async () => {
    const fromLayout = kpDefault;
    const fromPlan = await record("kp", { plan: compile(LAYOUT) });
    expect(fromPlan.resources).toEqual(fromLayout.resources);
  });

  it("refuses a hand-written plan that opens a cluster-internal port to the internet unflagged", async () => {
    const plan = compile(LAYOUT);
    const world = { key: "in:tcp:2379-2380:cidr:0.0.0.0/0", protocol: "tcp" as const, ports: { from: 2379, to: 2380 }, peer: { kind: "cidr" as const, cidr: "0.0.0.0/0", family: "ipv4" as const, peers: ["oops"], world: true }, reasons: plan.groups[0]!.ingress[0]!.reasons };
    const unsafe: Plan = { ...plan, groups: plan.groups.map((g, i) => (i === 0 ? { ...g, ingress: [...g.ingress, world] } : g)) };
    const error = await rejects("kp", { plan: unsafe });
    expect(error.message).toContain("opens etcd to 0.0.0.0/0");
  });

  it("rejects malformed args with one error listing every problem", async () => {
    const both = await rejects("kp", { layout: LAYOUT, plan: compile(LAYOUT), peers: { admin: ["10.0.0.0/8"] } });
    expect(both.issues.map((i) => i.path).sort()).toEqual(["args", "args.peers"]);
    const neither = await rejects("kp", {});
    expect(neither.issues[0]!.message).toContain("exactly one of layout");
    const typo = await rejects("kp", { layout: LAYOUT, restrictEgres: true } as Partial<AwsClusterFirewallArgs>);
    expect(typo.message).toContain('did you mean "restrictEgress"?');
    const vpc = await rejects("kp", { layout: LAYOUT, vpcId: "subnet-123" });
    expect(vpc.issues).toEqual([{ path: "args.vpcId", message: expect.stringContaining("is not a VPC id") }]);
  });

  it("reports layout errors in the same error and registers nothing", async () => {
    // @ts-expect-error a misspelt role is a type error for TypeScript callers; JavaScript callers get the message.
    const error = await rejects("kp", { layout: { ...LAYOUT, groups: { masters: { roles: ["contrlPlane"] } } } });
    expect(error.message).toContain('did you mean "controlPlane"?');
  });

  it("merges peers over the layout's, so one layout serves several sites", () => {
    const { rules } = derive("kp", { layout: LAYOUT, peers: { admin: ["172.16.0.0/12"] } });
    const ssh = rules.filter((r) => r.inputs.fromPort === 22 && r.inputs.cidrIpv4 !== undefined).map((r) => r.inputs.cidrIpv4);
    expect(new Set(ssh)).toEqual(new Set(["172.16.0.0/12"]));
    expect(rules.some((r) => r.inputs.cidrIpv4 === "10.8.0.0/16")).toBe(true);
  });
});

describe("AwsClusterFirewall: existing groups and prefix lists", () => {
  const EXISTING = "sg-0123456789abcdef0";

  it("adds rules to an existing security group without creating one, and references it from other groups", async () => {
    const args = { layout: LAYOUT, groups: { workers: { existingSecurityGroupId: EXISTING } } };
    const built = await record("kp", args);
    expectRegistersSpec(built, "kp", args, plainIds(args));
    const { resources, rules, ids, firewall } = built;
    expect(resources.filter((r) => r.type === SG_TYPE).map((r) => r.name)).toEqual(["kp-masters"]);
    expect(ids.workers).toBe(EXISTING);
    expect(rulesOf(rules, EXISTING).length).toBeGreaterThan(5);
    expect(rules.find((r) => r.name === "kp-workers-in-tcp-22-from-workers")!.inputs).toMatchObject({ securityGroupId: EXISTING, referencedSecurityGroupId: EXISTING });
    expect(rules.find((r) => r.name === "kp-masters-in-tcp-6443-from-workers")!.inputs.referencedSecurityGroupId).toBe(EXISTING);
    // Its own egress is left alone (an allow-all copy would be a duplicate AWS rejects).
    expect(rulesOf(rules, EXISTING, OUT_TYPE)).toEqual([]);
    expect(firewall.summary.workers).toMatchObject({ existing: true, egress: "unchanged", securityGroupName: "" });
  });

  it("takes an existing group id that is an Output", async () => {
    const built = await record("kp", { layout: LAYOUT, groups: { workers: { existingSecurityGroupId: pulumi.output(EXISTING) } } });
    expect(built.ids.workers).toBe(EXISTING);
    expectRegistersSpec(built, "kp", { layout: LAYOUT, groups: { workers: { existingSecurityGroupId: pulumi.output(EXISTING) } } }, { existingIds: { workers: EXISTING }, prefixListIds: {} });
  });

  it("rejects bad existing ids, a name on an existing group, and unknown groups", async () => {
    const error = await rejects("kp", { layout: LAYOUT, groups: { workers: { existingSecurityGroupId: "sg-nope", name: "x" }, wrokers: {} } });
    expect(error.issues.map((i) => i.path).sort()).toEqual(["args.groups.workers.existingSecurityGroupId", "args.groups.workers.name", "args.groups.wrokers"]);
    expect(error.message).toContain('did you mean "workers"?');
  });

  it("replaces a peer's per-CIDR rules with one prefix-list rule per port range", async () => {
    const layout = { ...LAYOUT, peers: { admin: ["10.9.0.0/16"], apiClients: ["10.8.0.0/16", "10.7.0.0/16", "10.6.0.0/16"] } };
    const built = await record("kp", { layout, prefixLists: { apiClients: "pl-0123456789abcdef0" } });
    expectRegistersSpec(built, "kp", { layout, prefixLists: { apiClients: "pl-0123456789abcdef0" } }, plainIds({ prefixLists: { apiClients: "pl-0123456789abcdef0" } }));
    const { rules, ids } = built;
    const api = rulesOf(rules, ids.masters!).filter((r) => r.inputs.fromPort === 6443 && r.inputs.referencedSecurityGroupId === undefined);
    expect(api).toEqual([expect.objectContaining({ name: "kp-masters-in-tcp-6443-from-pl-apiclients", inputs: expect.objectContaining({ prefixListId: "pl-0123456789abcdef0", ipProtocol: "tcp", toPort: 6443 }) })]);
    expect(rules.some((r) => ["10.8.0.0/16", "10.7.0.0/16", "10.6.0.0/16"].includes(r.inputs.cidrIpv4 as string))).toBe(false);
  });

  it("keeps exactly the ports a shared CIDR gets for another peer on a CIDR rule", async () => {
    // 10.9.0.0/16 is admin's and apiClients'; admin alone gets 6444, adjacent to the API port.
    const extra: CustomRule = { id: "admin-6444", description: "admin tool", protocols: ["tcp"], ports: "6444", from: [{ peer: "admin" }], to: { role: "controlPlane" } };
    const layout = { ...withRules(extra), peers: { admin: ["10.9.0.0/16"], apiClients: ["10.9.0.0/16", "10.8.0.0/16"] } };
    const plan = compile(layout);
    expect(plan.groups.find((g) => g.name === "masters")!.ingress.map((f) => f.key)).toContain("in:tcp:6443-6444:cidr:10.9.0.0/16");
    const built = await record("kp", { layout, prefixLists: { apiClients: pulumi.output("pl-0123456789abcdef0") } });
    expectRegistersSpec(built, "kp", { layout, prefixLists: { apiClients: pulumi.output("pl-0123456789abcdef0") } }, { existingIds: {}, prefixListIds: { apiClients: "pl-0123456789abcdef0" } });
    const { rules, ids } = built;
    const masters = rulesOf(rules, ids.masters!).filter((r) => r.inputs.referencedSecurityGroupId === undefined);
    const lines = masters.map((r) => `${r.inputs.fromPort}-${r.inputs.toPort} ${r.inputs.cidrIpv4 ?? r.inputs.prefixListId}`).sort();
    expect(lines).toEqual(["22-22 10.9.0.0/16", "6443-6443 pl-0123456789abcdef0", "6444-6444 10.9.0.0/16"]);
  });

  it("rejects prefix lists for unknown or mixed-family peers, and one list for two peers", async () => {
    const unknown = await rejects("kp", { layout: LAYOUT, prefixLists: { office: "pl-0123456789abcdef0" } });
    expect(unknown.issues[0]).toMatchObject({ path: "args.prefixLists.office" });
    const mixed = await rejects("kp", { layout: { ...LAYOUT, peers: { admin: ["10.9.0.0/16", "2001:db8::/48"] } }, prefixLists: { admin: "pl-0123456789abcdef0" } });
    expect(mixed.message).toContain("holds one family");
    const shared = await rejects("kp", { layout: LAYOUT, prefixLists: { admin: "pl-0123456789abcdef0", apiClients: "pl-0123456789abcdef0" } });
    expect(shared.message).toContain("duplicates");
  });
});

describe("AwsClusterFirewall: ICMP", () => {
  const ping = (type: number, code?: number): CustomRule => ({ id: "ping", description: "ping", protocols: ["icmp"], icmp: code === undefined ? { type } : { type, code }, from: [{ peer: "admin" }], to: { role: "worker" } });

  it("puts type and code in fromPort and toPort, and uses ICMPv6 numbers for IPv6 CIDRs", () => {
    const { rules } = derive("kp", { layout: { ...withRules(ping(8, 0)), peers: { admin: ["10.9.0.0/16", "2001:db8::/48"] } } });
    expect(rules.find((r) => r.inputs.cidrIpv4 === "10.9.0.0/16" && r.inputs.ipProtocol === "icmp")!.inputs).toMatchObject({ fromPort: 8, toPort: 0 });
    expect(rules.find((r) => r.inputs.cidrIpv6 === "2001:db8::/48" && r.inputs.ipProtocol === "icmpv6")!.inputs).toMatchObject({ fromPort: 128, toPort: 0 });
  });

  it("uses -1 for an ICMP code left open", () => {
    const { rules } = derive("kp", { layout: withRules(ping(3)) });
    expect(rules.find((r) => r.inputs.ipProtocol === "icmp")!.inputs).toMatchObject({ fromPort: 3, toPort: -1 });
  });

  it("adds the ICMPv6 twin of a group-referenced ICMP rule only in a dual-stack cluster", () => {
    const health: CustomRule = { id: "health", description: "health pings", protocols: ["icmp"], icmp: { type: 8, code: 0 }, from: [{ role: "worker" }], to: { role: "worker" } };
    const icmpNames = (rules: readonly Resource[]) => rules.filter((r) => String(r.inputs.ipProtocol).startsWith("icmp")).map((r) => r.name).sort();
    const v4 = derive("kp", { layout: withRules(health) });
    expect(icmpNames(v4.rules)).toEqual(["kp-workers-in-icmp-8-0-from-workers"]);
    // VXLAN: under IP-in-IP Calico's IPv6 pods are unencapsulated, which AWS refuses (see podRouting).
    const dual = derive("kp", { layout: { ...withRules(health), options: { ipv6: true, calicoMode: "vxlan" } } });
    expect(icmpNames(dual.rules)).toEqual(["kp-workers-in-icmp-8-0-from-workers", "kp-workers-in-icmpv6-128-0-from-workers"]);
    expect(dual.rules.find((r) => r.name === "kp-workers-in-icmpv6-128-0-from-workers")!.inputs).toMatchObject({ ipProtocol: "icmpv6", fromPort: 128, toPort: 0, referencedSecurityGroupId: dual.ids.workers });
  });

  it("rejects an ICMP type with no ICMPv6 counterpart for an IPv6 peer", async () => {
    const error = await rejects("kp", { layout: { ...withRules(ping(13)), peers: { admin: ["2001:db8::/48"] } } });
    expect(error.message).toContain("ICMP type 13 code any has no ICMPv6 counterpart");
  });
});
