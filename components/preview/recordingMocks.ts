/**
 * Pulumi mocks that record every registered resource (custom and component) with its
 * resolved inputs, parent and a deterministic mock id. Tests and `kubeports preview` share
 * this, so what the tests assert is what the preview shows.
 */
import { createHash } from "node:crypto";
import type * as pulumi from "@pulumi/pulumi";
import { ownPulumiSdk, type PulumiSdk } from "./pulumiSdk";

export interface RecordedResource {
  readonly type: string;
  readonly name: string;
  readonly id: string;
  /** The parent's logical name, or null for resources under the stack. */
  readonly parent: string | null;
  /** Pulumi URNs: logical names repeat across types, URNs do not. */
  readonly urn: string;
  readonly parentUrn: string | null;
  readonly custom: boolean;
  readonly inputs: Record<string, unknown>;
  /** Old logical names the resource answers to (its `aliases` option; same type). */
  readonly aliases?: readonly string[];
  /** The resource's deleteBeforeReplace option, when set. */
  readonly deleteBeforeReplace?: boolean;
}

/** What the mock API leaves out of newResource, read off the engine request instead. */
interface RequestOptions {
  readonly parentUrn: string;
  readonly aliases: readonly string[];
  readonly deleteBeforeReplace: boolean;
}

const MOCK_SUBSCRIPTION = "00000000-0000-0000-0000-000000000000";

function hash(text: string, length: number): string {
  return createHash("sha256").update(text).digest("hex").slice(0, length);
}

/** Ids shaped like the cloud's own, derived from type and name only. */
export function mockId(type: string, name: string, inputs: Record<string, unknown>): string {
  const h = (n: number) => hash(`${type}::${name}`, n);
  if (type === "aws:ec2/securityGroup:SecurityGroup") return `sg-${h(17)}`;
  if (type === "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule" || type === "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule") return `sgr-${h(17)}`;
  if (type === "aws:ec2/vpc:Vpc") return `vpc-${h(17)}`;
  if (type === "aws:ec2/subnet:Subnet") return `subnet-${h(17)}`;
  if (type === "aws:ec2/launchTemplate:LaunchTemplate") return `lt-${h(17)}`;
  if (type.startsWith("gcp:")) {
    const project = typeof inputs.project === "string" ? inputs.project : "mock-project";
    return `projects/${project}/global/${type.split(":")[2]?.toLowerCase() ?? "resource"}s/${typeof inputs.name === "string" ? inputs.name : name}`;
  }
  if (type.startsWith("azure-native:")) return azureId(type, name, inputs);
  return `${name}-${h(8)}`;
}

/** ARM ids: /subscriptions/…/resourceGroups/<rg>/providers/Microsoft.<Module>/<type>s/<name>. */
function azureId(type: string, name: string, inputs: Record<string, unknown>): string {
  const [, module = "", kind = ""] = type.split(":");
  const lower = kind.charAt(0).toLowerCase() + kind.slice(1);
  // The physical name: the explicit `<type>Name` input when given, else the logical name.
  const physical = typeof inputs[`${lower}Name`] === "string" ? (inputs[`${lower}Name`] as string) : name;
  if (type === "azure-native:resources:ResourceGroup") return `/subscriptions/${MOCK_SUBSCRIPTION}/resourceGroups/${physical}`;
  const group = typeof inputs.resourceGroupName === "string" ? inputs.resourceGroupName : "mock-rg";
  const provider = `Microsoft.${module.charAt(0).toUpperCase()}${module.slice(1)}`;
  return `/subscriptions/${MOCK_SUBSCRIPTION}/resourceGroups/${group}/providers/${provider}/${lower}s/${physical}`;
}

/** Extra outputs providers compute that programs commonly read. */
function computedState(type: string, name: string, id: string, inputs: Record<string, unknown>): Record<string, unknown> {
  if (type === "aws:lb/loadBalancer:LoadBalancer") return { arn: `arn:aws:mock:::${id}`, dnsName: `${id}.elb.amazonaws.com` };
  if (type.startsWith("aws:")) return { arn: `arn:aws:mock:::${id}` };
  if (type === "gcp:compute/forwardingRule:ForwardingRule") return { selfLink: `https://www.googleapis.com/compute/v1/${id}`, ipAddress: "192.0.2.10" };
  if (type === "gcp:compute/regionInstanceGroupManager:RegionInstanceGroupManager") return { instanceGroup: `https://www.googleapis.com/compute/v1/${id}/instanceGroup` };
  if (type === "gcp:compute/instanceTemplate:InstanceTemplate") return { selfLink: `https://www.googleapis.com/compute/v1/${id}`, selfLinkUnique: `https://www.googleapis.com/compute/v1/${id}?uniqueId=1` };
  if (type.startsWith("gcp:")) return { selfLink: `https://www.googleapis.com/compute/v1/${id}`, name: inputs.name };
  if (type === "azure-native:network:PublicIPAddress") return { name: inputs.publicIpAddressName ?? name, ipAddress: "192.0.2.20" };
  // azure-native auto-names resources; the provider returns the chosen name as `name`.
  if (type.startsWith("azure-native:")) return { name: inputs.name ?? name };
  return {};
}

/** The URN Pulumi gives a resource: the parent's type chain, the type, the name. */
function resourceUrn(project: string, stack: string, parentUrn: string | null, type: string, name: string): string {
  const qualified = parentUrn ? `${parentUrn.split("::")[2]!.split("$").pop()}$${type}` : type;
  return `urn:pulumi:${stack}::${project}::${qualified}::${name}`;
}

/**
 * Pulumi records a stack trace for every promise it creates, for its leak report; under mocks
 * nothing reads them, and capturing them is most of a mocked run's CPU time. Only that capture
 * is silenced: errors thrown anywhere keep their stacks.
 */
function quietPromiseStacks(sdk: PulumiSdk): void {
  const debuggable = sdk.require("@pulumi/pulumi/runtime/debuggable") as {
    debuggablePromise: (promise: unknown, context: unknown) => unknown;
    kubeportsQuiet?: boolean;
  };
  if (debuggable.kubeportsQuiet) return;
  const original = debuggable.debuggablePromise;
  debuggable.debuggablePromise = (promise, context) => {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      return original(promise, context);
    } finally {
      Error.stackTraceLimit = limit;
    }
  };
  debuggable.kubeportsQuiet = true;
}

interface EngineRequest {
  getType(): string;
  getName(): string;
  getParent(): string;
  getDeletebeforereplace?(): boolean;
  getAliasesList?(): { getUrn(): string; getSpec(): { getName(): string } | undefined }[];
}

/** The old logical names of a request's aliases (by spec name, or the last URN segment). */
function aliasNames(req: EngineRequest): string[] {
  const names = (req.getAliasesList?.() ?? []).map((alias) => alias.getSpec()?.getName() || alias.getUrn().split("::").pop() || "");
  return [...new Set(names.filter((name) => name.length > 0 && name !== req.getName()))].sort();
}

export interface Recorder {
  readonly resources: RecordedResource[];
}

/**
 * Installs recording mocks for the current process. Call before importing or constructing
 * any resource. `preview` = true mimics `pulumi preview` (unknown outputs stay unknown).
 * `sdk`: the `@pulumi/pulumi` copy the program uses (kubeports' own by default).
 */
export async function installRecordingMocks(
  options: { project?: string; stack?: string; preview?: boolean } = {},
  sdk: PulumiSdk = ownPulumiSdk(),
): Promise<Recorder> {
  const { pulumi: sdkPulumi } = sdk;
  const resources: RecordedResource[] = [];
  const requests = new Map<string, RequestOptions>();
  const mocks: pulumi.runtime.Mocks = {
    newResource(args) {
      const inputs = (args.inputs ?? {}) as Record<string, unknown>;
      const id = args.custom === false ? "" : (args.id || mockId(args.type, args.name, inputs));
      const request = requests.get(`${args.type}::${args.name}`);
      const parentUrn = request?.parentUrn || null;
      resources.push({
        type: args.type,
        name: args.name,
        id,
        parent: parentUrn ? parentUrn.split("::").pop() ?? null : null,
        urn: resourceUrn(options.project ?? "kubeports", options.stack ?? "test", parentUrn, args.type, args.name),
        parentUrn,
        custom: args.custom !== false,
        inputs,
        ...(request && request.aliases.length > 0 ? { aliases: request.aliases } : {}),
        ...(request?.deleteBeforeReplace ? { deleteBeforeReplace: true } : {}),
      });
      return { id: id || undefined, state: { ...inputs, ...computedState(args.type, args.name, id, inputs) } };
    },
    call(args) {
      // Provider functions a program reads its own identity from; answered as the cloud would.
      if (args.token === "azure-native:authorization:getClientConfig") {
        return { subscriptionId: MOCK_SUBSCRIPTION, tenantId: MOCK_SUBSCRIPTION, clientId: MOCK_SUBSCRIPTION, objectId: MOCK_SUBSCRIPTION };
      }
      // azure-native lookups of existing resources (getNetworkSecurityGroup, ...): the resource as Azure returns it.
      const lookup = /^azure-native:([a-z]+):get([A-Z]\w*)$/.exec(args.token);
      if (lookup) {
        const type = `azure-native:${lookup[1]}:${lookup[2]}`;
        const lower = lookup[2]!.charAt(0).toLowerCase() + lookup[2]!.slice(1);
        const name = String(args.inputs[`${lower}Name`] ?? lower);
        return { ...args.inputs, id: azureId(type, name, args.inputs), name };
      }
      return args.inputs;
    },
  };
  await sdkPulumi.runtime.setMocks(mocks, options.project ?? "kubeports", options.stack ?? "test", options.preview ?? false);
  // Every resource captures its call site for the engine's source positions; mocks discard
  // them, and under source-mapped stacks (vitest, tsx) capturing them dominates the run time.
  (sdkPulumi.Resource as unknown as { stackTrace(skip: number): unknown[] }).stackTrace = () => [];
  quietPromiseStacks(sdk);
  // The mock API does not pass the parent or the options to newResource; read them off the request first.
  const monitor = sdkPulumi.runtime.getMonitor() as unknown as { registerResource(req: EngineRequest, cb: unknown): unknown };
  const register = monitor.registerResource.bind(monitor);
  monitor.registerResource = (req, cb) => {
    requests.set(`${req.getType()}::${req.getName()}`, {
      parentUrn: req.getParent(),
      aliases: aliasNames(req),
      deleteBeforeReplace: req.getDeletebeforereplace?.() === true,
    });
    return register(req, cb);
  };
  return { resources };
}

/** Waits until Pulumi has no outstanding registrations (outputs of mocked resources resolve quickly). */
export async function settle(sdk: PulumiSdk = ownPulumiSdk()): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
  await sdk.pulumi.runtime.disconnect().catch(() => undefined);
}
