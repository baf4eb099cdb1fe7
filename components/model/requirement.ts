import type { IcmpMatch, Protocol } from "./protocol";
import type { LayoutOptions, OptionName } from "./options";

/**
 * Which clusters a role or node party is taken from, relative to the other end of the row:
 * omitted = the same cluster as the other end; "any" = every cluster in the layout;
 * any other string = clusters of that kind (a profile-defined kind such as "global").
 */
export type ClusterScope = string;

/** Who may connect, or who is connected to. */
export type Party =
  /** Node groups that carry this role. */
  | {
      /** The role. */
      readonly role: string;
      /** Which clusters' groups (see ClusterScope). */
      readonly cluster?: ClusterScope;
    }
  /** One node group by name: only in a layout's own rules (profiles speak in roles). */
  | {
      /** The node group's name. */
      readonly group: string;
    }
  /** Every Kubernetes node (every group with a Kubernetes role). */
  | {
      /** Always true. */
      readonly nodes: true;
      /** Which clusters' nodes (see ClusterScope). */
      readonly cluster?: ClusterScope;
    }
  /** A named external peer whose CIDRs the layout supplies (admin, apiClients, ...). */
  | {
      /** The peer's name. */
      readonly peer: string;
    }
  /** Fixed addresses the vendor document prints (0.0.0.0/0 in the rancher-nodes table, git.rancher.io IPs). */
  | {
      /** The addresses. */
      readonly cidrs: readonly string[];
      /** What they are, for descriptions and reports. */
      readonly label: string;
    }
  /** Host names, for outbound rows ("internet access to *.docker.io is required"). */
  | {
      /** The host names. */
      readonly hosts: readonly string[];
    };

/**
 * When a row applies: every listed option must match (AND); an array lists allowed values
 * (OR). An empty or absent condition always applies.
 */
export type Condition = {
  readonly [K in OptionName]?: LayoutOptions[K] | readonly LayoutOptions[K][];
};

/** Where a row comes from: a seed file and the row in it, or a public page. */
export interface Provenance {
  /** Seed file name (for example "000_d5e27fa0bf6b16e4.txt") or public page URL. */
  readonly document: string;
  /** Which table and row, in the document's words. */
  readonly row: string;
}

/** One documented row: "protocol/ports from X to Y, because ...". */
export interface RequirementRow {
  /** Unique within the profile, stable; reports and diffs key on it. */
  readonly id: string;
  /** What the vendor calls the service (short, ASCII). */
  readonly description: string;
  /** Inbound rows open ports on `to`; outbound rows let `from` reach an external `to`. */
  readonly direction: "inbound" | "outbound";
  /** One or more protocols. */
  readonly protocols: readonly Protocol[];
  /** Ports for TCP/UDP: "22", "2379-2380", or a list. */
  readonly ports?: string | readonly string[];
  /** ICMP type and code. */
  readonly icmp?: IcmpMatch;
  /** Who sends. */
  readonly from: readonly Party[];
  /** Who receives. */
  readonly to: Party;
  /** A probe the node runs against itself: documented, but no cross-node rule is needed. */
  readonly localOnly?: boolean;
  /** When the row applies (absent: always). */
  readonly when?: Condition;
  /** Where the row comes from. */
  readonly source: Provenance;
  /** How the row was read where the document leaves roles or peers implicit. */
  readonly note?: string;
}

/** Two sources that say different things about the same traffic. Kept, never "fixed". */
export interface Disagreement {
  /** Unique within the profile. */
  readonly id: string;
  /** Row ids in this profile that the disagreement concerns. */
  readonly rows: readonly string[];
  /** What this profile's document says. */
  readonly says: string;
  /** What the other source says, and which source. */
  readonly other: string;
  /** The other source (a URL or document name). */
  readonly otherSource: string;
}

/** What a profile says about one of its roles. */
export interface RoleInfo {
  /** What machines with the role do. */
  readonly description: string;
  /** A Kubernetes node role: groups with it are part of `{ nodes: true }`. */
  readonly kubernetes: boolean;
  /** Rows that reach an optional role with no node group are left out (and noted), not an error. */
  readonly optional?: boolean;
}

/** One vendor document as data: its roles, peers, options and every documented row. */
export interface Profile {
  /** The catalog id (`kubeports profiles`). */
  readonly id: string;
  /** The document's title. */
  readonly title: string;
  /** The document this profile transcribes (seed file name or URL). */
  readonly document: string;
  /** Related documents (a translation, an upstream page). */
  readonly alsoSee?: readonly string[];
  /** Role name -> what it is. */
  readonly roles: Readonly<Record<string, RoleInfo>>;
  /** External peers rows may name, with what they mean here. */
  readonly peers: Readonly<Record<string, string>>;
  /** Options whose rows this profile has; others are ignored for it. */
  readonly options: readonly OptionName[];
  /** Option values this document assumes (Apinizer: Flannel). */
  readonly defaults?: Partial<LayoutOptions>;
  /** Cluster kinds this profile distinguishes (DCE: global, worker). */
  readonly clusterKinds?: Readonly<Record<string, string>>;
  /** Every documented row, in the document's order. */
  readonly rows: readonly RequirementRow[];
  /** Where the document and other sources disagree. */
  readonly disagreements: readonly Disagreement[];
  /**
   * Modes the document covers, where it covers only some: Super Kubenetes documents Calico's
   * IP-in-IP and BGP rows but no VXLAN port, so a VXLAN layout from it alone would open no overlay.
   */
  readonly documentedModes?: readonly DocumentedMode[];
}

/** An option whose other values the document does not cover (while `when` holds). */
export interface DocumentedMode {
  /** The option. */
  readonly option: OptionName;
  /** The values the document covers. */
  readonly values: readonly (string | number | boolean)[];
  /** While this holds (absent: always). */
  readonly when?: Condition;
}
