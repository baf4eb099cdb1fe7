/**
 * What changed between two plans, as data the diff reports render. Flows are the plans' own
 * Flow objects: a change never restates a port or a reason, it points at the plans' flows.
 */
import type { OptionName } from "../model/options";
import type { AttributedWarning, Flow, PlanNote } from "../model/plan";
import type { Protocol } from "../model/protocol";

/** The diff format's name and version (`schema` of every diff). */
export const DIFF_SCHEMA = "kubeports.diff/v1";

/** What differs in a changed flow: its port range, its peer's CIDR, or only the rows behind it. */
export type ChangeAspect = "ports" | "peer" | "reasons";

/** Which of a group's flow lists a change is in. */
export type Direction = "ingress" | "egress";

/**
 * One change to a group's flows. `added` has only `after` flows, `removed` only `before`;
 * `changed` has both: the same peer and protocol with other ports (a range widened, narrowed
 * or split), the same named peer with another CIDR, or the same flow with other reasons.
 */
export interface FlowChange {
  /** Added, removed or changed. */
  readonly change: "added" | "removed" | "changed";
  /** Ingress or egress. */
  readonly direction: Direction;
  /** The flows' protocol. */
  readonly protocol: Protocol;
  /** What differs (changed only). */
  readonly aspects: readonly ChangeAspect[];
  /** The flows before (empty when added). */
  readonly before: readonly Flow[];
  /** The flows after (empty when removed). */
  readonly after: readonly Flow[];
  /** An ingress change that lets 0.0.0.0/0 or ::/0 reach something it could not reach before. */
  readonly opensToWorld: boolean;
}

/** What changed for one node group. */
export interface GroupDiff {
  /** The node group. */
  readonly name: string;
  /** `changed`: the group is on both sides and something about it differs. */
  readonly status: "added" | "removed" | "changed";
  /** Null on the side the group is absent from. */
  readonly rolesBefore: readonly string[] | null;
  /** Null on the side the group is absent from. */
  readonly rolesAfter: readonly string[] | null;
  /** Its flow changes. */
  readonly changes: readonly FlowChange[];
}

/** A resolved option with another value. */
export interface OptionChange {
  /** The option. */
  readonly name: OptionName;
  /** Its value before. */
  readonly before: unknown;
  /** Its value after. */
  readonly after: unknown;
}

/** A warning with the flow it is about (from its own plan), so reports can word it in any language. */
export interface DiffWarning extends AttributedWarning {
  /** The flow the warning is about, if it is about one. */
  readonly subject: Flow | undefined;
  /**
   * For an added world-open warning: each opener's layout line (`peers.admin[0]`) -> its value on
   * the before side ("" when the line was not there), so reports show the changed line.
   */
  readonly was?: Readonly<Record<string, string>>;
}

/** A peer whose CIDRs differ, and how many flow changes name it (0: "no rule changed"). */
export interface PeerChange {
  /** The peer's name. */
  readonly name: string;
  /** Its CIDRs before; null on the side the peer is absent from. */
  readonly before: readonly string[] | null;
  /** Its CIDRs after; null on the side the peer is absent from. */
  readonly after: readonly string[] | null;
  /** How many flow changes the peer's change caused (0: "no rule changed"). */
  readonly flowChanges: number;
}

/** One side of the comparison. */
export interface DiffSide {
  /** What the user compared, for headings: a file, a stack, `HEAD~1:stacks/Pulumi.x.yaml`. */
  readonly label: string;
  /** The layout name; null when the side does not exist (a stack new since the base revision). */
  readonly layout: string | null;
}

/** Counts of what changed. */
export interface DiffSummary {
  /** Node groups only after. */
  readonly groupsAdded: number;
  /** Node groups only before. */
  readonly groupsRemoved: number;
  /** Node groups on both sides with a change. */
  readonly groupsChanged: number;
  /** Added flow changes. */
  readonly flowsAdded: number;
  /** Removed flow changes. */
  readonly flowsRemoved: number;
  /** Changed flow changes. */
  readonly flowsChanged: number;
  /** Warnings only after. */
  readonly warningsAdded: number;
  /** Warnings only before. */
  readonly warningsRemoved: number;
  /** Changes that open something to 0.0.0.0/0 or ::/0. */
  readonly opensToWorld: number;
}

/** What changed between two plans (`kubeports diff --format json`). */
export interface PlanDiff {
  /** Always DIFF_SCHEMA. */
  readonly schema: typeof DIFF_SCHEMA;
  /** False when no group, flow or warning differs (option or note changes alone open nothing). */
  readonly changed: boolean;
  /** The side compared from. */
  readonly before: DiffSide;
  /** The side compared to. */
  readonly after: DiffSide;
  /** Counts. */
  readonly summary: DiffSummary;
  /** Options whose resolved value differs. */
  readonly options: readonly OptionChange[];
  /** Peers whose CIDRs changed, in name order, each with the number of flow changes it caused. */
  readonly peers: readonly PeerChange[];
  /** Groups with a change, in the after plan's order, removed groups last in the before plan's order. */
  readonly groups: readonly GroupDiff[];
  /** Warnings only after (added) and only before (removed). */
  readonly warnings: {
    /** Only after. */
    readonly added: readonly DiffWarning[];
    /** Only before. */
    readonly removed: readonly DiffWarning[];
  };
  /** Notes only after (added) and only before (removed). */
  readonly notes: {
    /** Only after. */
    readonly added: readonly PlanNote[];
    /** Only before. */
    readonly removed: readonly PlanNote[];
  };
}
