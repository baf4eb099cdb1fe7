/**
 * The package schema `pulumi package add` gives Pulumi's other languages, built in-process the
 * way the plugin host builds it: ComponentProvider on this repository (package.json,
 * tsconfig.json, the TypeScript entry point) with the components package.json `main` exports.
 * Every component, documented arg and output must be in it; then each component is built
 * through the provider's construct() under mocks, as the engine asks for it, and what it hands
 * back must be exactly the schema's outputs.
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import * as pulumi from "@pulumi/pulumi";
import { ComponentProvider, getPulumiComponents } from "@pulumi/pulumi/provider/experimental";
import * as plugin from "../components/schema";
import type { AwsClusterFirewallArgs as TypedAwsArgs, AwsClusterFirewallNodeGroupArgs, AwsRuleSummary } from "../components/aws";
import type { GcpClusterFirewallArgs as TypedGcpArgs, GcpGroupIdentityArgs, UnexpressedHost as GcpUnexpressedHost } from "../components/gcp";
import type { GcpAllow } from "../components/gcp/gcpAllows";
import type { AzureClusterFirewallArgs as TypedAzureArgs, AzureGroupArgs, AzurePriorityBandArgs, UnexpressedHost as AzureUnexpressedHost } from "../components/azure";
import type { PlanWarning } from "../components/model/plan";
import { compile } from "../components/compiler/compile";
import { KubeportsError } from "../components/model/errors";
import { OPTION_INFO } from "../components/model/options";
import { installRecordingMocks } from "../components/preview/recordingMocks";
import { planJson } from "../components/reports/planJson";

// Compile-time: every TypeScript arg but the typed layout and plan is offered to other
// languages too, with a type the TypeScript component accepts.
type Shared<Schema, Typed> = [Exclude<keyof Typed, keyof Schema | "layout" | "plan">] extends [never]
  ? Omit<Schema, "layout" | "layoutFile" | "planJson"> extends Omit<Typed, "layout" | "plan"> ? true : "a schema arg has a type the TypeScript component does not accept"
  : { missing: Exclude<keyof Typed, keyof Schema | "layout" | "plan"> };
const argsMatch: [Shared<plugin.AwsClusterFirewallArgs, TypedAwsArgs>, Shared<plugin.GcpClusterFirewallArgs, TypedGcpArgs>, Shared<plugin.AzureClusterFirewallArgs, TypedAzureArgs>] = [true, true, true];
void argsMatch;
// Nested inputs and structured outputs restate TypeScript interfaces under other names: same fields.
type SameFields<Schema, Typed> = [Exclude<keyof Typed, keyof Schema> | Exclude<keyof Schema, keyof Typed>] extends [never]
  ? true
  : { differ: Exclude<keyof Typed, keyof Schema> | Exclude<keyof Schema, keyof Typed> };
const nestedMatch: true[] = [
  true as SameFields<plugin.AwsNodeGroup, AwsClusterFirewallNodeGroupArgs>,
  true as SameFields<plugin.GcpGroupIdentity, GcpGroupIdentityArgs>,
  true as SameFields<plugin.AzureGroup, AzureGroupArgs>,
  true as SameFields<plugin.AzurePriorityBand, AzurePriorityBandArgs>,
  true as SameFields<plugin.AwsRuleSummary, AwsRuleSummary>,
  true as SameFields<plugin.PlanWarning, PlanWarning>,
  true as SameFields<plugin.GcpAllow, GcpAllow>,
  true as SameFields<plugin.GcpUnexpressedHost, GcpUnexpressedHost>,
  true as SameFields<plugin.AzureUnexpressedHost, AzureUnexpressedHost>,
];
void nestedMatch;

interface Property {
  type?: string;
  $ref?: string;
  description?: string;
  plain?: boolean;
  items?: Property;
  additionalProperties?: Property;
}
interface Resource {
  isComponent: boolean;
  description?: string;
  inputProperties: Record<string, Property>;
  requiredInputs: string[];
  properties: Record<string, Property>;
}
interface Schema {
  name: string;
  resources: Record<string, Resource>;
  types: Record<string, { properties?: Record<string, Property>; required?: string[] }>;
}

const SOURCES = ["layout", "layoutFile", "planJson"];
/** The contract other languages program against: inputs, required inputs, outputs. */
const EXPECTED: Record<string, { inputs: string[]; required: string[]; outputs: string[] }> = {
  AwsClusterFirewall: {
    inputs: [...SOURCES, "vpcId", "peers", "prefixLists", "tags", "groups", "restrictEgress", "rulesPerGroupQuota", "renamedFrom"],
    required: ["vpcId"],
    outputs: ["securityGroupIds", "rules", "warnings"],
  },
  RancherNodesSecurityGroup: {
    inputs: ["vpcId", "driverRules", "adminCidrs", "tags", "renamedFrom"],
    required: ["vpcId"],
    outputs: ["securityGroupId", "rules", "warnings", "driverCaveats"],
  },
  GcpClusterFirewall: {
    inputs: [...SOURCES, "network", "project", "namePrefix", "peers", "useServiceAccounts", "groups", "priority", "logging", "restrictEgress", "nodeRanges", "fqdnEgress"],
    required: ["network"],
    outputs: ["targetTags", "serviceAccounts", "ruleNames", "unexpressedHosts", "summary"],
  },
  AzureClusterFirewall: {
    inputs: [...SOURCES, "resourceGroupName", "location", "peers", "existingNetworkSecurityGroupName", "groups", "reservedPriorities", "priorities", "serviceTags", "allowIpInIpAsAnyProtocol", "restrictEgress", "allowVirtualNetworkInbound"],
    required: ["resourceGroupName"],
    outputs: ["applicationSecurityGroupIds", "networkSecurityGroupId", "networkSecurityGroupName", "ruleSummary", "unexpressedHosts", "summary"],
  },
};

const sorted = (list: readonly string[]) => [...list].sort();
const ROOT = path.resolve(__dirname, "..");
const provider = new ComponentProvider({ name: "kubeports", dirname: ROOT, components: getPulumiComponents(plugin) });
let schema: Schema;

beforeAll(async () => {
  // The analyzer type-checks the whole repository: tens of seconds on a busy machine.
  try {
    schema = JSON.parse(await provider.getSchema()) as Schema;
  } catch (error) {
    // The analyzer maps package.json's main and exports to .ts paths, which dist/ never has.
    throw new Error(`${(error as Error).message}\nThe analyzer then starts at the repository's index.ts, which must exist and be in tsconfig.json's include.`);
  }
}, 240_000);

describe("the inferred schema", () => {
  it("has the four components under kubeports:index:<ClassName>, the tokens they register", () => {
    expect(schema.name).toBe("kubeports");
    expect(sorted(Object.keys(schema.resources))).toEqual(sorted(Object.keys(EXPECTED).map((name) => `kubeports:index:${name}`)));
    for (const resource of Object.values(schema.resources)) {
      expect(resource.isComponent).toBe(true);
      expect(resource.description).toBeTruthy();
    }
  });

  for (const [name, expected] of Object.entries(EXPECTED)) {
    it(`${name}: every arg and output, each with a description`, () => {
      const resource = schema.resources[`kubeports:index:${name}`]!;
      expect(sorted(Object.keys(resource.inputProperties))).toEqual(sorted(expected.inputs));
      expect(sorted(resource.requiredInputs)).toEqual(sorted(expected.required));
      expect(sorted(Object.keys(resource.properties))).toEqual(sorted(expected.outputs));
      const undocumented = [...Object.entries(resource.inputProperties), ...Object.entries(resource.properties)].filter(([, p]) => !p.description).map(([key]) => key);
      expect(undocumented).toEqual([]);
    });
  }

  it("documents every property of every nested type", () => {
    const undocumented = Object.entries(schema.types).flatMap(([type, def]) =>
      Object.entries(def.properties ?? {}).filter(([, p]) => !p.description).map(([key]) => `${type}.${key}`),
    );
    expect(undocumented).toEqual([]);
  });

  it("takes the layout as plain data and cloud ids as inputs (values other resources compute)", () => {
    const aws = schema.resources["kubeports:index:AwsClusterFirewall"]!.inputProperties;
    expect(aws.layout).toMatchObject({ $ref: "#/types/kubeports:index:Layout", plain: true });
    expect(aws.restrictEgress).toMatchObject({ type: "boolean", plain: true });
    expect(aws.vpcId).toEqual(expect.objectContaining({ type: "string" }));
    expect(aws.vpcId!.plain).toBeUndefined();
    const gcp = schema.resources["kubeports:index:GcpClusterFirewall"]!.inputProperties;
    expect(gcp.network!.plain).toBeUndefined();
  });

  it("offers every layout option, naming each allowed value", () => {
    const options = schema.types["kubeports:index:LayoutOptions"]!.properties!;
    expect(sorted(Object.keys(options))).toEqual(sorted(Object.keys(OPTION_INFO)));
    const unnamed = Object.entries(OPTION_INFO).flatMap(([option, info]) =>
      (info.values ?? []).filter((value) => !options[option]!.description!.includes(String(value))).map((value) => `${option}: ${value}`),
    );
    expect(unnamed).toEqual([]);
  });
});

const LAYOUT = {
  name: "lab",
  profiles: ["kubernetes"],
  options: { cni: "calico", calicoMode: "vxlan" },
  groups: { "control-plane": { roles: ["controlPlane", "etcd"] }, workers: { roles: ["worker"] } },
  peers: { apiClients: ["198.51.100.0/24"] },
  // A host-name egress row, so the host outputs carry something to compare with the schema.
  rules: [{ id: "mirror", description: "Image pulls from the mirror", protocols: ["tcp"], ports: ["443"], from: [{ nodes: true }], to: { hosts: ["mirror.example.com"] } }],
};

/** What the engine sends for each component: plain data, as a YAML or Python program writes it. */
const CONSTRUCT: Record<string, Record<string, unknown>> = {
  AwsClusterFirewall: { vpcId: "vpc-0123456789abcdef0", layout: LAYOUT, restrictEgress: true },
  RancherNodesSecurityGroup: { vpcId: "vpc-0123456789abcdef0", adminCidrs: ["192.0.2.0/24"] },
  GcpClusterFirewall: { network: "default", layoutFile: "examples/layouts/apinizer.yaml" },
  AzureClusterFirewall: { resourceGroupName: "k8s-rg", planJson: planJson(compile(LAYOUT)) },
};

function resolved(value: unknown): Promise<unknown> {
  return pulumi.Output.isInstance(value) ? new Promise((resolve) => value.apply((v) => (resolve(v), v))) : Promise.resolve(value);
}

/** Object fields in `value` the schema does not declare, or required ones it lacks, found through $refs. */
function shapeErrors(where: string, property: Property, value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (property.items && Array.isArray(value)) return value.flatMap((item, i) => shapeErrors(`${where}[${i}]`, property.items!, item));
  if (property.additionalProperties && typeof value === "object") {
    return Object.entries(value as object).flatMap(([key, item]) => shapeErrors(`${where}.${key}`, property.additionalProperties!, item));
  }
  if (property.$ref?.startsWith("#/types/")) {
    const type = schema.types[property.$ref.slice("#/types/".length)]!;
    const fields = Object.keys(value as object);
    const extra = fields.filter((key) => !(key in (type.properties ?? {}))).map((key) => `${where}.${key} is not in the schema`);
    const missing = (type.required ?? []).filter((key) => !fields.includes(key)).map((key) => `${where}.${key} is missing`);
    return [...extra, ...missing];
  }
  return [];
}

describe("construct(), as the engine calls it for another language", () => {
  const recorder = installRecordingMocks({ project: "kubeports", stack: "schema" });

  for (const [name, inputs] of Object.entries(CONSTRUCT)) {
    it(`${name}: registers its resources once, under its own token, and returns exactly the schema's outputs`, async () => {
      const { resources } = await recorder;
      const start = resources.length;
      const result = await provider.construct("lab", `kubeports:index:${name}`, inputs, {});
      const outputs = schema.resources[`kubeports:index:${name}`]!.properties;
      expect(sorted(Object.keys(result.state))).toEqual(sorted(Object.keys(outputs)));
      const errors: string[] = [];
      for (const [key, value] of Object.entries(result.state)) {
        const plain = await resolved(value);
        expect(plain, `${name}.${key}`).toBeDefined();
        if (key === "unexpressedHosts") expect(plain, "a host-name row to compare").not.toEqual([]);
        errors.push(...shapeErrors(`${name}.${key}`, outputs[key]!, plain));
      }
      expect(errors).toEqual([]);
      const mine = resources.slice(start);
      expect(mine.filter((r) => r.type === `kubeports:index:${name}`)).toHaveLength(1);
      expect(mine.filter((r) => r.custom).length).toBeGreaterThan(0);
    });
  }

  it("refuses two layout sources, naming the three", () => {
    expect(() => new plugin.GcpClusterFirewall("lab", { network: "default", layout: LAYOUT, layoutFile: "examples/layouts/super-kubenetes.yaml" })).toThrow(
      new KubeportsError('Invalid arguments for GcpClusterFirewall "lab"', [
        { path: "args", message: "layout and layoutFile given; give exactly one of layout (an object), layoutFile (a .yaml or .json path) or planJson (`kubeports plan --format json` output)" },
      ]),
    );
  });

  it("refuses planJson that is not JSON, saying what to give", () => {
    let error: unknown;
    try {
      new plugin.AzureClusterFirewall("lab", { resourceGroupName: "k8s-rg", planJson: "# Plan for lab" });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(KubeportsError);
    expect((error as KubeportsError).issues).toEqual([
      { path: "args.planJson", message: expect.stringMatching(/^is not JSON \(.+\); give the text `kubeports plan <layout> --format json` prints$/) },
    ]);
  });
});
