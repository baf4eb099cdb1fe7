/**
 * Service-account identities that kubeports creates, and FQDN egress through a network firewall
 * policy. These mocks compute a created account's `email` the way GCP does for user-managed
 * accounts (<accountId>@<project>.iam.gserviceaccount.com), which the shared recording mocks do
 * not, so the rules' references to created accounts can be checked.
 */
import { describe, expect, it } from "vitest";
import * as pulumi from "@pulumi/pulumi";
import type { Layout } from "../components/model/layout";
import { GcpClusterFirewall } from "../components/gcp";

interface Recorded {
  readonly type: string;
  readonly name: string;
  readonly inputs: Record<string, unknown>;
}

async function install(): Promise<Recorded[]> {
  const resources: Recorded[] = [];
  await pulumi.runtime.setMocks(
    {
      newResource(args) {
        const inputs = args.inputs as Record<string, unknown>;
        resources.push({ type: args.type, name: args.name, inputs });
        const id = `${args.type}/${args.name}`;
        const email = args.type === "gcp:serviceaccount/account:Account" ? { email: `${inputs.accountId}@${inputs.project}.iam.gserviceaccount.com` } : {};
        return { id, state: { ...inputs, ...email, id } };
      },
      call: (args) => args.inputs,
    },
    "kubeports",
    "test",
    false,
  );
  return resources;
}

function value<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply((v) => (resolve(v), v)));
}

async function registered(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setTimeout(resolve, 5));
}

const APINIZER: Layout = {
  name: "api",
  profiles: ["apinizer"],
  options: { ha: true },
  groups: { masters: { roles: ["controlPlane"] }, workers: { roles: ["worker"] } },
  peers: { admin: ["203.0.113.0/24"], loadBalancer: ["10.0.0.10/32"] },
};

const SA_ID = /^[a-z]([-a-z0-9]{4,28}[a-z0-9])$/;

describe("service accounts kubeports creates", () => {
  it("creates one role-less account per group without an email and uses it as target and source", async () => {
    const resources = await install();
    const firewall = new GcpClusterFirewall("api", {
      layout: APINIZER,
      network: "k8s",
      project: "acme",
      useServiceAccounts: true,
      groups: { masters: { serviceAccountEmail: "existing-masters@acme.iam.gserviceaccount.com" } },
    });
    const accounts = await value(firewall.serviceAccounts);
    await registered();
    const created = resources.filter((r) => r.type === "gcp:serviceaccount/account:Account");
    expect(created.map((r) => r.inputs.accountId)).toEqual(["api-workers"]);
    expect(created[0]!.inputs).toMatchObject({ project: "acme", displayName: "kubeports api workers" });
    expect(String(created[0]!.inputs.accountId)).toMatch(SA_ID);
    // No IAM binding of any kind is created for it.
    expect(resources.some((r) => /iam|IAM/.test(r.type))).toBe(false);
    expect(accounts).toEqual({ masters: "existing-masters@acme.iam.gserviceaccount.com", workers: "api-workers@acme.iam.gserviceaccount.com" });

    const rules = resources.filter((r) => r.type === "gcp:compute/firewall:Firewall");
    const workersFromMasters = rules.find((r) => r.name === "api-workers-in-from-masters")!;
    expect(workersFromMasters.inputs).toMatchObject({
      targetServiceAccounts: ["api-workers@acme.iam.gserviceaccount.com"],
      sourceServiceAccounts: ["existing-masters@acme.iam.gserviceaccount.com"],
    });
    for (const rule of rules) {
      expect(rule.inputs.targetTags).toBeUndefined();
      expect(rule.inputs.sourceTags).toBeUndefined();
      expect(rule.inputs.targetServiceAccounts).toHaveLength(1);
    }
  });

  it("gives short names a valid 6-30 character account id", async () => {
    const resources = await install();
    new GcpClusterFirewall("a", { layout: { ...APINIZER, groups: { m: { roles: ["controlPlane"] }, w: { roles: ["worker"] } } }, network: "k8s", useServiceAccounts: true });
    await registered();
    const ids = resources.filter((r) => r.type === "gcp:serviceaccount/account:Account").map((r) => String(r.inputs.accountId));
    expect(ids.sort()).toEqual(["a-m-fw", "a-w-fw"]);
    const long = await install();
    new GcpClusterFirewall("a-component-name-well-past-thirty-characters", { layout: APINIZER, network: "k8s", useServiceAccounts: true });
    await registered();
    const longIds = long.filter((r) => r.type === "gcp:serviceaccount/account:Account").map((r) => String(r.inputs.accountId));
    expect(longIds).toHaveLength(2);
    expect(new Set(longIds).size).toBe(2);
    for (const id of longIds) expect(id).toMatch(SA_ID);
  });
});

describe("FQDN egress through a network firewall policy", () => {
  it("attaches one policy to the network with allows, FQDN allows and deny-all per group", async () => {
    const resources = await install();
    const firewall = new GcpClusterFirewall("api", {
      layout: APINIZER,
      network: "k8s",
      project: "acme",
      useServiceAccounts: true,
      restrictEgress: true,
      nodeRanges: ["10.0.0.0/20"],
      fqdnEgress: true,
      logging: true,
    });
    const hosts = await value(firewall.unexpressedHosts);
    await registered();
    const policy = resources.filter((r) => r.type === "gcp:compute/networkFirewallPolicy:NetworkFirewallPolicy");
    const association = resources.filter((r) => r.type === "gcp:compute/networkFirewallPolicyAssociation:NetworkFirewallPolicyAssociation");
    expect(policy.map((r) => r.inputs.name)).toEqual(["api-egress"]);
    expect(association).toHaveLength(1);
    expect(association[0]!.inputs).toMatchObject({ attachmentTarget: "projects/acme/global/networks/k8s", project: "acme" });

    const rules = resources.filter((r) => r.type === "gcp:compute/networkFirewallPolicyRule:NetworkFirewallPolicyRule");
    const workers = "api-workers@acme.iam.gserviceaccount.com";
    const fqdn = rules.find((r) => r.name === "api-workers-out-fqdn-tcp-80-443")!;
    expect(fqdn.inputs).toMatchObject({
      action: "allow",
      direction: "EGRESS",
      enableLogging: true,
      targetServiceAccounts: [workers],
      match: { destFqdns: ["archive.ubuntu.com", "cdn.redhat.com"], layer4Configs: [{ ipProtocol: "tcp", ports: ["80", "443"] }] },
    });
    const deny = rules.find((r) => r.name === "api-workers-out-deny-all-v6")!;
    expect(deny.inputs).toMatchObject({ action: "deny", direction: "EGRESS", targetServiceAccounts: [workers], match: { destIpRanges: ["::/0"], layer4Configs: [{ ipProtocol: "all" }] } });
    const priorities = rules.map((r) => r.inputs.priority as number);
    expect(new Set(priorities).size).toBe(rules.length);
    for (const rule of rules) {
      expect(Object.keys(rule.inputs)).not.toContain("targetSecureTags");
      const match = rule.inputs.match as { destFqdns?: string[] };
      for (const host of match.destFqdns ?? []) expect(host).not.toContain("*");
    }
    // Egress lives only in the policy; VPC rules stay ingress-only.
    const vpc = resources.filter((r) => r.type === "gcp:compute/firewall:Firewall");
    expect(vpc.every((r) => r.inputs.direction === "INGRESS")).toBe(true);
    expect(hosts.filter((h) => h.group === "workers").map((h) => h.host).sort()).toEqual(["*.amazonaws.com", "*.docker.com", "*.docker.io", "*.k8s.io"]);
    expect(hosts.every((h) => h.blocked)).toBe(true);
    expect(await value(firewall.summary)).toContain("BLOCKED; a wildcard cannot be a GCP FQDN object");
  });
});
