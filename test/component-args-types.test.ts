/**
 * Component args from JavaScript (or any caller TypeScript does not check): every field of the
 * wrong type is refused with the field, the value, the type expected and a fix, before anything
 * is registered; Input fields take Pulumi Outputs and Promises.
 */
import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import { AwsClusterFirewall } from "../components/aws/AwsClusterFirewall";
import { RancherNodesSecurityGroup } from "../components/aws/RancherNodesSecurityGroup";
import { AzureClusterFirewall } from "../components/azure/azureClusterFirewall";
import { GcpClusterFirewall } from "../components/gcp/gcpClusterFirewall";
import { installRecordingMocks, settle } from "../components/preview/recordingMocks";
import { thrown } from "./support/thrown";

const LAYOUT = {
  name: "lab",
  profiles: ["kubernetes", "flannel"],
  options: { cni: "flannel" },
  groups: { masters: { roles: ["controlPlane", "etcd"] }, workers: { roles: ["worker"] } },
  peers: { apiClients: ["192.0.2.0/24"] },
};

type Construct = (args: unknown) => unknown;
const COMPONENTS: Record<string, { build: Construct; valid: Record<string, unknown> }> = {
  AwsClusterFirewall: { build: (args) => new AwsClusterFirewall("lab", args as never), valid: { vpcId: "vpc-0123456789abcdef0", layout: LAYOUT } },
  RancherNodesSecurityGroup: { build: (args) => new RancherNodesSecurityGroup("rn", args as never), valid: { vpcId: "vpc-0123456789abcdef0" } },
  GcpClusterFirewall: { build: (args) => new GcpClusterFirewall("lab", args as never), valid: { network: "default", layout: LAYOUT } },
  AzureClusterFirewall: { build: (args) => new AzureClusterFirewall("lab", args as never), valid: { resourceGroupName: "rg", layout: LAYOUT } },
};

/** [component, args changes, issue line expected]. */
const CASES: readonly [string, Record<string, unknown>, string][] = [
  ["AwsClusterFirewall", { vpcId: 42 }, 'args.vpcId: expected a string (or a Pulumi Output or Promise of one), got 42 (a number); give the VPC id, for example vpc.id or "vpc-0123456789abcdef0"'],
  ["AwsClusterFirewall", { vpcId: undefined }, "args.vpcId: expected a string (or a Pulumi Output or Promise of one), got nothing; give the VPC id"],
  ["AwsClusterFirewall", { layout: "lab.yaml" }, 'args.layout: expected an object, got "lab.yaml" (a string); give the layout as an object'],
  ["AwsClusterFirewall", { peers: { admin: "192.0.2.0/24" } }, 'args.peers.admin: expected a list of strings, got "192.0.2.0/24" (a string); give the peer\'s CIDRs as a list'],
  ["AwsClusterFirewall", { peers: ["192.0.2.0/24"] }, "args.peers: expected an object of peer name -> CIDR list, got an array"],
  ["AwsClusterFirewall", { prefixLists: { office: 7 } }, "args.prefixLists.office: expected a string (or a Pulumi Output or Promise of one), got 7 (a number)"],
  ["AwsClusterFirewall", { peers: { admin: ["192.0.2.0/24", 5] } }, "args.peers.admin[1]: expected a string (or a Pulumi Output or Promise of one), got 5 (a number); give the peer's CIDRs as a list"],
  ["GcpClusterFirewall", { peers: { admin: [null] } }, "args.peers.admin[0]: expected a string (or a Pulumi Output or Promise of one), got null"],
  ["AzureClusterFirewall", { peers: { admin: "192.0.2.0/24" } }, 'args.peers.admin: expected a list of strings, got "192.0.2.0/24" (a string)'],
  ["AwsClusterFirewall", { tags: { team: 1 } }, "args.tags.team: expected a string (or a Pulumi Output or Promise of one), got 1 (a number); tag values are strings"],
  ["AwsClusterFirewall", { groups: { workers: { name: 5 } } }, "args.groups.workers.name: expected a string, got 5 (a number)"],
  ["AwsClusterFirewall", { groups: { workers: { existingSecurityGroupId: false } } }, "args.groups.workers.existingSecurityGroupId: expected a string (or a Pulumi Output or Promise of one), got false (a boolean)"],
  ["AwsClusterFirewall", { groups: { workers: "sg-1" } }, 'args.groups.workers: expected an object { existingSecurityGroupId?, name?, previousName? }, got "sg-1" (a string)'],
  ["AwsClusterFirewall", { restrictEgress: "yes" }, 'args.restrictEgress: expected true or false, got "yes" (a string)'],
  ["AwsClusterFirewall", { rulesPerGroupQuota: "60" }, 'args.rulesPerGroupQuota: expected a whole number from 1 to 1000, got "60" (a string)'],
  ["AwsClusterFirewall", { vpcID: "vpc-0123456789abcdef0" }, 'args: unknown field "vpcID" (known: '],
  ["RancherNodesSecurityGroup", { vpcId: 42 }, "args.vpcId: expected a string (or a Pulumi Output or Promise of one), got 42 (a number)"],
  ["RancherNodesSecurityGroup", { driverRules: 1 }, "args.driverRules: expected true or false, got 1 (a number)"],
  ["RancherNodesSecurityGroup", { adminCidrs: "192.0.2.0/24" }, 'args.adminCidrs: expected a list of strings, got "192.0.2.0/24" (a string); give your admin networks as a list'],
  ["RancherNodesSecurityGroup", { tags: [] }, "args.tags: expected an object of tag name -> value, got an array []"],
  ["GcpClusterFirewall", { network: 42 }, "args.network: expected a string (or a Pulumi Output or Promise of one), got 42 (a number); give the VPC network's name or self link"],
  ["GcpClusterFirewall", { project: {} }, "args.project: expected a string (or a Pulumi Output or Promise of one), got an object {}"],
  ["GcpClusterFirewall", { useServiceAccounts: "true" }, 'args.useServiceAccounts: expected true or false, got "true" (a string)'],
  ["GcpClusterFirewall", { groups: { workers: { tag: 3 } } }, "args.groups.workers.tag: expected a string, got 3 (a number)"],
  ["GcpClusterFirewall", { priority: "1000" }, 'args.priority: expected a whole number from 0 to 65535, got "1000" (a string)'],
  ["GcpClusterFirewall", { logging: null }, "args.logging: expected true or false, got null"],
  ["GcpClusterFirewall", { nodeRanges: "10.0.0.0/16" }, 'args.nodeRanges: expected a list of strings, got "10.0.0.0/16" (a string)'],
  ["GcpClusterFirewall", { fqdnEgress: "no" }, 'args.fqdnEgress: expected true or false, got "no" (a string)'],
  ["AzureClusterFirewall", { resourceGroupName: 42 }, "args.resourceGroupName: expected a string (or a Pulumi Output or Promise of one), got 42 (a number)"],
  ["AzureClusterFirewall", { location: true }, "args.location: expected a string (or a Pulumi Output or Promise of one), got true (a boolean)"],
  ["AzureClusterFirewall", { existingNetworkSecurityGroupName: 1 }, "args.existingNetworkSecurityGroupName: expected a string (or a Pulumi Output or Promise of one), got 1 (a number)"],
  ["AzureClusterFirewall", { groups: { workers: { existingApplicationSecurityGroupId: 1 } } }, "args.groups.workers.existingApplicationSecurityGroupId: expected a string (or a Pulumi Output or Promise of one), got 1 (a number)"],
  ["AzureClusterFirewall", { reservedPriorities: { from: "100", to: 199 } }, 'args.reservedPriorities.from: expected a whole number from 100 to 4096, got "100" (a string)'],
  ["AzureClusterFirewall", { serviceTags: { loadBalancer: 1 } }, "args.serviceTags.loadBalancer: expected a string, got 1 (a number)"],
  ["AzureClusterFirewall", { allowIpInIpAsAnyProtocol: "no" }, 'args.allowIpInIpAsAnyProtocol: expected true or false, got "no" (a string)'],
  ["AzureClusterFirewall", { restrictEgress: 0 }, "args.restrictEgress: expected true or false, got 0 (a number)"],
  ["AzureClusterFirewall", { allowVirtualNetworkInbound: [] }, "args.allowVirtualNetworkInbound: expected true or false, got an array []"],
  ["AwsClusterFirewall", { restrictEgress: pulumi.output(true) }, "args.restrictEgress: expected true or false, got a Pulumi Output or Promise (this field needs a plain value, known before deployment)"],
  ["GcpClusterFirewall", { nodeRanges: Promise.resolve(["10.0.0.0/16"]) }, "args.nodeRanges: expected a list of strings, got a Pulumi Output or Promise"],
];

describe("component args of the wrong type are refused before anything is registered", () => {
  it.each(CASES.map(([component, change, line]) => [`${component} ${line.slice(0, line.indexOf(":"))}`, component, change, line] as const))(
    "%s",
    async (_label, component, change, line) => {
      const recorder = await installRecordingMocks();
      const { build, valid } = COMPONENTS[component]!;
      const error = thrown(() => build({ ...valid, ...change }));
      expect(error.message.split("\n").map((l) => l.replace(/^ {2}- /, ""))).toContainEqual(expect.stringContaining(line));
      await settle();
      expect(recorder.resources).toEqual([]);
    },
  );

  it.each(Object.keys(COMPONENTS))("%s refuses args that are not an object", async (component) => {
    const recorder = await installRecordingMocks();
    for (const args of [undefined, null, 42, "args"]) {
      expect(thrown(() => COMPONENTS[component]!.build(args)).issues[0]!.path).toBe("args");
    }
    await settle();
    expect(recorder.resources).toEqual([]);
  });
});

describe("Input fields take Pulumi Outputs and Promises", () => {
  it.each([
    ["AwsClusterFirewall", { vpcId: pulumi.output("vpc-0123456789abcdef0"), groups: { workers: { existingSecurityGroupId: Promise.resolve("sg-0123456789abcdef0") } } }],
    ["RancherNodesSecurityGroup", { vpcId: Promise.resolve("vpc-0123456789abcdef0") }],
    ["GcpClusterFirewall", { network: pulumi.output("default"), project: Promise.resolve("acme") }],
    ["AzureClusterFirewall", { resourceGroupName: pulumi.output("rg"), location: Promise.resolve("westeurope") }],
    // Peer CIDRs are Input<string> entries on every cloud; AWS tag values are Input<string>.
    ["AwsClusterFirewall", { peers: { apiClients: [pulumi.output("198.51.100.0/24")] }, tags: { owner: Promise.resolve("platform") } }],
    ["GcpClusterFirewall", { peers: { apiClients: [Promise.resolve("198.51.100.0/24")] } }],
    ["AzureClusterFirewall", { peers: { apiClients: [pulumi.output("198.51.100.0/24")] } }],
  ] as const)("%s", async (component, change) => {
    const recorder = await installRecordingMocks();
    const { build, valid } = COMPONENTS[component]!;
    build({ ...valid, ...change });
    await settle();
    expect(recorder.resources.length).toBeGreaterThan(1);
  });
});
