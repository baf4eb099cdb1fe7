/**
 * Peer CIDRs that a program only knows as Outputs (`vpc.cidrBlock`, a StackReference value).
 * The compiler is pure and synchronous, so each such entry is planned with a stand-in CIDR and
 * the rules are registered with the real value:
 *
 * - the stand-in is a /32 in 240.0.0.0/4 (reserved, never routed), derived from the peer's
 *   name and the entry's index only, so logical names, Azure priorities and GCP rule names do
 *   not change when the value becomes known or differs between preview and update;
 * - the rules for that peer are registered with the Output in place of the stand-in;
 * - the value is checked as soon as it is known, with the same error text as a plain string
 *   (a CIDR with no host bits set), and it must be IPv4 (the family the stand-in was planned
 *   in); a value that opens a Kubernetes-internal service to the internet is refused, as a
 *   plain 0.0.0.0/0 would be, and any other internet opening is logged as a warning;
 * - every such entry adds a `peer-unknown` warning saying what is checked late.
 */
import { createHash } from "node:crypto";
import * as pulumi from "@pulumi/pulumi";
import { parseCidr } from "../model/cidr";
import { KubeportsError, type InputIssue } from "../model/errors";
import { internalServicesHit } from "../model/internalServices";
import type { Layout } from "../model/layout";
import type { Plan, PlanWarning, WarningCode } from "../model/plan";

/** Peer name -> CIDRs, each a plain string or an Output (IPv4 when it is an Output). */
export type PeerCidrInputs = Readonly<Record<string, readonly pulumi.Input<string>[]>>;

/** A layout as a component takes it: peer CIDRs may be Outputs (`vpc.cidrBlock`). */
export type LayoutInput = Omit<Layout, "peers"> & {
  /** External peer name -> CIDRs, each a plain string or an Output (an Output is planned as one IPv4 range). */
  readonly peers?: PeerCidrInputs;
};

/** A warning a firewall component logs and exports: the plan's own, or one of the component's. */
export interface FirewallWarning extends Omit<PlanWarning, "code"> {
  /** A plan warning code, or `peer-unknown`: a peer CIDR given as an Output, checked only when known. */
  readonly code: WarningCode | "peer-unknown";
}

/** One peer CIDR given as an Output or a promise. */
export interface DeferredCidr {
  readonly peer: string;
  readonly index: number;
  /** Where it was given: `layout.peers.apiClients[0]` or `args.peers.apiClients[0]`. */
  readonly path: string;
  /** The stand-in CIDR the plan uses. */
  readonly standIn: string;
  readonly value: pulumi.Input<string>;
}

export interface SplitPeers<L> {
  /** The layout with stand-ins in place of its deferred entries (or as given when there are none). */
  readonly layout: L;
  /** The component's peers with stand-ins in place of deferred entries. */
  readonly peers?: Record<string, string[]>;
  readonly deferred: readonly DeferredCidr[];
  readonly issues: readonly InputIssue[];
}

const STAND_IN_BLOCK = 0xf0000000; // 240.0.0.0/4

/**
 * A Pulumi Output (marked `__pulumiOutput: true`, the test `pulumi.Output.isInstance` makes) or a
 * Promise or other thenable: resolved later. Checked without loading the SDK.
 */
export function isDeferred(value: unknown): value is pulumi.Output<string> | Promise<string> {
  if (typeof value !== "object" || value === null) return false;
  return (value as { __pulumiOutput?: unknown }).__pulumiOutput === true || typeof (value as { then?: unknown }).then === "function";
}

/** The SDK, on the component path only (a component has loaded it already; the CLI never gets here). */
function pulumiRuntime(): typeof pulumi {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require("@pulumi/pulumi") as typeof pulumi;
}

/** 240.x.y.z/32 from the peer name and index: stable whatever the value turns out to be. */
export function standInCidr(peer: string, index: number): string {
  const n = (createHash("sha256").update(`${peer}\0${index}`).digest().readUInt32BE(0) & 0x0fffffff) | STAND_IN_BLOCK;
  return `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}/32`;
}

/**
 * Replaces Output entries in `layout.peers` and `peers` by stand-ins. Plain entries (and
 * anything that is not an Output, which the schema then reports) pass through untouched.
 */
export function splitPeers<L>(layout: L, peers: PeerCidrInputs | undefined): SplitPeers<L> {
  const deferred: DeferredCidr[] = [];
  const overridden = new Set(Object.keys(peers ?? {}));
  const replace = (source: string, given: unknown, skip: ReadonlySet<string>): Record<string, unknown[]> | undefined => {
    if (typeof given !== "object" || given === null || Array.isArray(given)) return undefined;
    let changed = false;
    const out: Record<string, unknown[]> = {};
    for (const [peer, list] of Object.entries(given as Record<string, unknown>)) {
      if (!Array.isArray(list)) return undefined;
      out[peer] = list.map((value, index) => {
        if (!isDeferred(value)) return value;
        changed = true;
        const standIn = standInCidr(peer, index);
        // An Output a component peer replaces is never used: no rule, no check.
        if (!skip.has(peer)) deferred.push({ peer, index, path: `${source}.peers.${peer}[${index}]`, standIn, value });
        return standIn;
      });
    }
    return changed ? out : undefined;
  };
  const layoutPeers = typeof layout === "object" && layout !== null ? (layout as { peers?: unknown }).peers : undefined;
  const newLayoutPeers = replace("layout", layoutPeers, overridden);
  const newPeers = replace("args", peers, new Set());
  const issues: InputIssue[] = [];
  const plain = new Set(
    [layoutPeers, peers].flatMap((given) => (given && typeof given === "object" ? Object.values(given as Record<string, unknown>).flat() : [])).filter((v) => typeof v === "string"),
  );
  for (const entry of deferred) {
    if (plain.has(entry.standIn)) issues.push({ path: entry.path, message: `${entry.standIn} is used by kubeports as the stand-in for this Output; do not give it as a CIDR` });
  }
  return {
    layout: newLayoutPeers ? ({ ...(layout as object), peers: newLayoutPeers } as L) : layout,
    ...(peers !== undefined ? { peers: (newPeers ?? peers) as Record<string, string[]> } : {}),
    deferred,
    issues,
  };
}

/** The warnings a component exports: the plan's, then one per deferred peer CIDR. */
export function firewallWarnings(plan: Plan, deferred: readonly DeferredCidr[]): FirewallWarning[] {
  return [
    ...plan.warnings,
    ...deferred.map((entry) => ({
      code: "peer-unknown" as const,
      group: "*",
      flow: entry.path,
      message: `${entry.path} is an Output: its rules are planned with the stand-in ${entry.standIn} and registered with its value, which is checked when known (a canonical IPv4 CIDR that opens nothing internal to the internet)`,
    })),
  ];
}

/** Where a deferred value may fail: the component, for the error subject and the log. */
export interface DeferredContext {
  readonly subject: string;
  readonly resource: pulumi.Resource;
}

/**
 * Stand-in -> the checked value. `resolve(cidr)` returns the Output for a stand-in and the
 * plain string for anything else, for the shells to put into resource inputs.
 */
export class DeferredCidrs {
  private readonly checked = new Map<string, pulumi.Output<string>>();

  constructor(plan: Plan, deferred: readonly DeferredCidr[], context: DeferredContext) {
    const sdk = pulumiRuntime();
    for (const entry of deferred) this.checked.set(entry.standIn, sdk.output(entry.value).apply((value) => checkKnown(plan, entry, value, context)));
  }

  /** True when some peer CIDR is an Output. */
  get any(): boolean {
    return this.checked.size > 0;
  }

  resolve(cidr: string): pulumi.Input<string> {
    return this.checked.get(cidr) ?? cidr;
  }

  /** Text or data that mentions stand-ins (rule summaries), with the known values in their place. */
  substitute<T>(data: T): pulumi.Output<T> {
    const sdk = pulumiRuntime();
    if (this.checked.size === 0) return sdk.output(data) as pulumi.Output<T>;
    const standIns = [...this.checked.keys()];
    return sdk.all([...this.checked.values()]).apply((values) => {
      let text = JSON.stringify(data);
      standIns.forEach((standIn, i) => (text = text.split(standIn).join(values[i]!)));
      return JSON.parse(text) as T;
    }) as pulumi.Output<T>;
  }

  /** A list of CIDRs with stand-ins resolved: plain when none is deferred. */
  resolveAll(cidrs: readonly string[]): pulumi.Input<string[]> {
    return cidrs.some((cidr) => this.checked.has(cidr)) ? pulumiRuntime().all(cidrs.map((cidr) => this.resolve(cidr))) : [...cidrs];
  }
}

/** The checks a plain string gets, run on the known value; throws the same error text. */
export function checkKnown(plan: Plan, entry: DeferredCidr, value: unknown, context: DeferredContext): string {
  const issues: InputIssue[] = [];
  let cidr = "";
  if (typeof value !== "string") issues.push({ path: entry.path, message: `expected a CIDR string, got ${JSON.stringify(value)}` });
  else {
    try {
      const parsed = parseCidr(value);
      cidr = parsed.cidr;
      if (parsed.family !== "ipv4") {
        issues.push({ path: entry.path, message: `"${value}" is IPv6, but an Output CIDR is planned as IPv4; give IPv6 ranges as plain strings (or resolve the value before building the layout)` });
      } else if (parsed.world) {
        const internal = worldIssues(plan, entry, value);
        issues.push(...internal);
        if (internal.length === 0) void pulumiRuntime().log.warn(`${entry.path} resolved to ${value}: the rules for peer ${entry.peer} open their ports to the whole internet`, context.resource);
      }
    } catch (error) {
      issues.push({ path: entry.path, message: (error as Error).message });
    }
  }
  if (issues.length > 0) throw new KubeportsError(context.subject, issues);
  return cidr;
}

/** A world value on inbound flows that reach etcd, the kubelet, overlays...: refused, as in a plan. */
function worldIssues(plan: Plan, entry: DeferredCidr, value: string): InputIssue[] {
  const hits = new Set<string>();
  for (const group of plan.groups) {
    for (const flow of group.ingress) {
      if (flow.peer.kind === "cidr" && flow.peer.cidr === entry.standIn) for (const hit of internalServicesHit(flow.protocol, flow.ports)) hits.add(hit);
    }
  }
  if (hits.size === 0) return [];
  return [{ path: entry.path, message: `"${value}" opens ${[...hits].join(", ")} to the whole internet; give the networks that need peer ${entry.peer} instead` }];
}
