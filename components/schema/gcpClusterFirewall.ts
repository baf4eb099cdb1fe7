/**
 * GcpClusterFirewall as Pulumi's other languages see it. At runtime this is the TypeScript
 * GcpClusterFirewall: the constructor only turns the layout source into its `layout` or `plan`.
 */
import type * as pulumi from "@pulumi/pulumi";
import { GcpClusterFirewall as TypedGcpClusterFirewall, type GcpClusterFirewallArgs as TypedArgs } from "../gcp/gcpClusterFirewall";
import type { GcpGroupIdentity } from "./cloudInputs";
import type { Layout } from "./layout";
import { typedSource } from "./layoutSource";
import type { GcpUnexpressedHost } from "./outputTypes";

/** The TypeScript component's args, with its TypeScript-typed `layout` and `plan` replaced by three sources. */
export interface GcpClusterFirewallArgs {
  /** The layout to compile (profiles, options, node groups, peers). Give exactly one of layout, layoutFile or planJson. */
  layout?: Layout;
  /** Path of a layout file (.yaml, .yml or .json), relative to the directory `pulumi` runs in. */
  layoutFile?: string;
  /** A compiled plan: the text `kubeports plan <layout> --format json` prints. Peers cannot be merged into it. */
  planJson?: string;
  /** The VPC network the rules belong to: its name or self link (an existing network works). */
  network: pulumi.Input<string>;
  /** Project of the network and rules. Default: the provider's project. */
  project?: pulumi.Input<string>;
  /** Prefix of every GCP name (firewall rules, policy, default tags and service accounts). Default: the component name. Firewall names are unique per project: give two stacks that deploy one layout into one project different prefixes. */
  namePrefix?: string;
  /** Peer name -> CIDRs, merged over the layout's peers before compiling. */
  peers?: Record<string, string[]>;
  /** Identify node groups by service account instead of network tag (only IAM-permitted users can attach a service account; anyone who can edit an instance can add a tag). */
  useServiceAccounts?: boolean;
  /** Per node group: an existing tag or service account. */
  groups?: Record<string, GcpGroupIdentity>;
  /** Priority of the allow rules, 0-65535 (lower wins). Default 1000. */
  priority?: number;
  /** Turn on firewall rules logging with all metadata. Default false. */
  logging?: boolean;
  /** Deny all egress except the plan's outbound flows. Default false: GCP's implied rule allows all egress, and no egress rules are created. */
  restrictEgress?: boolean;
  /** CIDRs of the subnets the node groups live in. Needed with restrictEgress when groups talk to each other: GCP egress rules name destinations by IP range only. */
  nodeRanges?: string[];
  /** With restrictEgress: allow the plan's outbound host names through a network firewall policy with FQDN rules (needs useServiceAccounts). */
  fqdnEgress?: boolean;
}

// A direct ComponentResource subclass for the schema inference (see awsClusterFirewall.ts).
const Base = TypedGcpClusterFirewall as unknown as new (name: string, args: TypedArgs, opts?: pulumi.ComponentResourceOptions) => pulumi.ComponentResource;

/**
 * A kubeports plan as GCP VPC firewall rules (and, with fqdnEgress, a network firewall policy).
 * Every argument is checked and every rule computed before anything is registered.
 */
export class GcpClusterFirewall extends Base {
  /** Node group -> network tags to put on its instance templates (empty with useServiceAccounts). */
  declare readonly targetTags: pulumi.Output<Record<string, string[]>>;
  /** Node group -> service-account email its instances must run as (empty with network tags). */
  declare readonly serviceAccounts: pulumi.Output<Record<string, string>>;
  /** GCP names of every rule created (VPC firewall rules and policy rules). */
  declare readonly ruleNames: pulumi.Output<string[]>;
  /** Outbound host names that no rule allows, and whether they are blocked. */
  declare readonly unexpressedHosts: pulumi.Output<GcpUnexpressedHost[]>;
  /** Plain-text account of identities, rules, hosts and notes. */
  declare readonly summary: pulumi.Output<string>;

  constructor(name: string, args: GcpClusterFirewallArgs, opts?: pulumi.ComponentResourceOptions) {
    const { layout: _layout, layoutFile: _file, planJson: _plan, ...rest } = args ?? {};
    super(name, { ...rest, ...typedSource("GcpClusterFirewall", name, args) } as TypedArgs, opts);
  }
}
