/**
 * What changed between two plans, as data the diff reports render. Flows are the plans' own
 * Flow objects: a change never restates a port or a reason, it points at the plans' flows.
 */
import type { OptionName } from "../model/options";
import type { AttributedWarning, Flow, PlanNote } from "../model/plan";
import type { Protocol } from "../model/protocol";

export const DIFF_SCHEMA = "kubeports.diff/v1";

/** What differs in a changed flow: its port range, its peer's CIDR, or only the rows behind it. */
export type ChangeAspect = "ports" | "peer" | "reasons";

export type Direction = "ingress" | "egress";

/**
 * One change to a group's flows. `added` has only `after` flows, `removed` only `before`;
 * `changed` has both: the same peer and protocol with other ports (a range widened, narrowed
 * or split), the same named peer with another CIDR, or the same flow with other reasons.
 */
export interface FlowChange {
  readonly change: "added" | "removed" | "changed";
  readonly direction: Direction;
  readonly protocol: Protocol;
  readonly aspects: readonly ChangeAspect[];
  readonly before: readonly Flow[];
  readonly after: readonly Flow[];
  /** An ingress change that lets 0.0.0.0/0 or ::/0 reach something it could not reach before. */
  readonly opensToWorld: boolean;
}

export interface GroupDiff {
  readonly name: string;
  /** `changed`: the group is on both sides and something about it differs. */
  readonly status: "added" | "removed" | "changed";
  /** Null on the side the group is absent from. */
  readonly rolesBefore: readonly string[] | null;
  readonly rolesAfter: readonly string[] | null;
  readonly changes: readonly FlowChange[];
}

export interface OptionChange {
  readonly name: OptionName;
  readonly before: unknown;
  readonly after: unknown;
}

/** A warning with the flow it is about (from its own plan), so reports can word it in any language. */
export interface DiffWarning extends AttributedWarning {
  readonly subject: Flow | undefined;
  /**
   * For an added world-open warning: each opener's layout line (`peers.admin[0]`) -> its value on
   * the before side ("" when the line was not there), so reports show the changed line.
   */
  readonly was?: Readonly<Record<string, string>>;
}

/** A peer whose CIDRs differ, and how many flow changes name it (0: "no rule changed"). */
export interface PeerChange {
  readonly name: string;
  /** Null on the side the peer is absent from. */
  readonly before: readonly string[] | null;
  readonly after: readonly string[] | null;
  readonly flowChanges: number;
}

export interface DiffSide {
  /** What the user compared, for headings: a file, a stack, `HEAD~1:stacks/Pulumi.x.yaml`. */
  readonly label: string;
  /** The layout name; null when the side does not exist (a stack new since the base revision). */
  readonly layout: string | null;
}

export interface DiffSummary {
  readonly groupsAdded: number;
  readonly groupsRemoved: number;
  readonly groupsChanged: number;
  readonly flowsAdded: number;
  readonly flowsRemoved: number;
  readonly flowsChanged: number;
  readonly warningsAdded: number;
  readonly warningsRemoved: number;
  readonly opensToWorld: number;
}

export interface PlanDiff {
  readonly schema: typeof DIFF_SCHEMA;
  /** False when no group, flow or warning differs (option or note changes alone open nothing). */
  readonly changed: boolean;
  readonly before: DiffSide;
  readonly after: DiffSide;
  readonly summary: DiffSummary;
  readonly options: readonly OptionChange[];
  /** Peers whose CIDRs changed, in name order, each with the number of flow changes it caused. */
  readonly peers: readonly PeerChange[];
  /** Groups with a change, in the after plan's order, removed groups last in the before plan's order. */
  readonly groups: readonly GroupDiff[];
  readonly warnings: { readonly added: readonly DiffWarning[]; readonly removed: readonly DiffWarning[] };
  readonly notes: { readonly added: readonly PlanNote[]; readonly removed: readonly PlanNote[] };
}
