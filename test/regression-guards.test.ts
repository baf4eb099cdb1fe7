/**
 * Three places where deliberately breaking the code once went unnoticed by every test. Each
 * test below fails under that mutation (checked by hand: see the comment on each):
 * - parseCidr must return the canonical text, not its input;
 * - AWS must not treat an IPv4-only all-traffic world rule as covering a dual-stack group rule;
 * - Azure must give a bucket that mixes an all-ports TCP flow with specific ports every port.
 */
import { describe, expect, it } from "vitest";
import { planAwsFirewall } from "../components/aws/awsRules";
import { translatePlan } from "../components/azure/azureRules";
import { resolveAzureArgs, type AzureClusterFirewallArgs } from "../components/azure/azureArgs";
import { compile } from "../components/compiler/compile";
import { parseCidr } from "../components/model/cidr";
import type { Layout } from "../components/model/layout";
import type { Flow, Plan } from "../components/model/plan";

describe("a valid non-canonical CIDR becomes its canonical form", () => {
  // Mutation: parseCidr returns { cidr: text, ... } instead of the canonical text.
  it("parses 2001:DB8:0::/48 as 2001:db8::/48", () => {
    expect(parseCidr("2001:DB8:0::/48")).toEqual({ cidr: "2001:db8::/48", family: "ipv6", world: false });
    expect(parseCidr("2001:0db8:0000:0000:0000:0000:0000:0000/32").cidr).toBe("2001:db8::/32");
  });

  it("merges two spellings of one IPv6 network into one peer CIDR and one flow", () => {
    const plan = compile({
      name: "v6",
      profiles: ["kubernetes"],
      // Calico VXLAN: under the default IP-in-IP, an IPv6 cluster routes pod addresses and needs a pod CIDR (podRouting).
      options: { ipv6: true, calicoMode: "vxlan" },
      groups: { masters: { roles: ["controlPlane", "etcd"] }, workers: { roles: ["worker"] } },
      peers: { apiClients: ["2001:DB8:0::/48"], admin: ["2001:db8::/48"] },
      rules: [{ id: "ssh", description: "ssh", protocols: ["tcp"], ports: "22", from: [{ peer: "admin" }, { peer: "apiClients" }], to: { role: "worker" } }],
    });
    expect(plan.peers).toEqual([
      { name: "admin", cidrs: ["2001:db8::/48"] },
      { name: "apiClients", cidrs: ["2001:db8::/48"] },
    ]);
    const ssh = plan.groups.find((g) => g.name === "workers")!.ingress.filter((f) => f.ports?.from === 22 && f.peer.kind === "cidr");
    expect(ssh.map((f) => f.peer)).toEqual([{ kind: "cidr", cidr: "2001:db8::/48", family: "ipv6", peers: ["admin", "apiClients"], world: false }]);
  });
});

describe("AWS keeps group rules an IPv4-only world rule does not cover in a dual-stack cluster", () => {
  // Mutation: dropCovered treats a group source as IPv4-only even when options.ipv6 is true.
  const layout = (ipv6: boolean): Layout => ({
    name: "ds",
    profiles: ["kubernetes"],
    // Calico VXLAN: under the default IP-in-IP, a dual-stack cluster routes IPv6 pod addresses and needs a pod CIDR (podRouting).
    options: { ipv6, calicoMode: "vxlan" },
    groups: { masters: { roles: ["controlPlane", "etcd"] }, workers: { roles: ["worker"] } },
    rules: [
      {
        id: "lab-open",
        description: "everything from anywhere (IPv4)",
        protocols: ["all"],
        from: [{ cidrs: ["0.0.0.0/0"], label: "anywhere" }],
        to: { role: "worker" },
        allowInternet: "throwaway lab behind its own perimeter",
      },
    ],
  });
  const groupIngress = (plan: Plan) =>
    planAwsFirewall(plan, { name: "ds", groups: {}, restrictEgress: false, tags: {} }).rules.filter(
      (r) => r.group === "workers" && r.direction === "ingress" && r.source.kind === "group",
    );

  it("keeps the kubelet rule from the masters, which IPv6 traffic between the groups needs", () => {
    const rules = groupIngress(compile(layout(true)));
    expect(rules.some((r) => r.fromPort === 10250 && r.toPort === 10250)).toBe(true);
  });

  it("drops it in an IPv4-only cluster, where the IPv4 world rule allows everything it would", () => {
    expect(groupIngress(compile(layout(false)))).toEqual([]);
  });
});

describe("Azure opens every TCP port when one flow of a bucket has no port range", () => {
  // Mutation: portList ignores the all-ports flow (e.g. `some` -> `every`), listing only 443 or failing.
  it("gives the bucket no port list ('*'), not the specific ports", () => {
    const args = {
      resourceGroupName: "rg",
      layout: {
        name: "az",
        profiles: ["kubernetes"],
        options: { cni: "flannel" },
        groups: { masters: { roles: ["controlPlane", "etcd"] }, workers: { roles: ["worker"] } },
        peers: { admin: ["203.0.113.0/24"] },
        rules: [{ id: "https", description: "https", protocols: ["tcp"], ports: "443", from: [{ peer: "admin" }], to: { role: "worker" } }],
      },
    } as AzureClusterFirewallArgs;
    const resolved = resolveAzureArgs("az", args);
    // A plan from elsewhere may carry a TCP flow without ports: every TCP port.
    const allTcp: Flow = { ...resolved.plan.groups.find((g) => g.name === "workers")!.ingress.find((f) => f.ports?.from === 443)! };
    const { ports: _ports, ...withoutPorts } = allTcp;
    const plan: Plan = {
      ...resolved.plan,
      groups: resolved.plan.groups.map((g) => (g.name === "workers" ? { ...g, ingress: [...g.ingress, { ...withoutPorts, key: "in:tcp:any:admin" }] } : g)),
    };
    const rules = translatePlan(plan, resolved.translate).rules.filter(
      (r) => r.direction === "Inbound" && r.protocol === "Tcp" && r.groups.includes("workers") && r.source.kind === "prefixes",
    );
    expect(rules).toHaveLength(1);
    expect(rules[0]!.ports).toBeUndefined();
  });
});
