/**
 * Every fixed phrase the reports and the diff command print, in English. Data (ports, file
 * names, row text, compiler messages) is passed in and never translated. messages.ko.ts must
 * have the same keys and signatures: `Messages` is this object's type.
 */
import { OPTION_INFO, type OptionName } from "../model/options";
import type { NoteCode, WarningCode } from "../model/plan";
import type { Protocol } from "../model/protocol";

/**
 * One opener of a world flow, its data already written as Markdown by the report (links,
 * escaped text): a vendor row that prescribes the CIDR, this layout's rule, or this layout's peer.
 * `line` is the layout line, with its old value in a diff (`peers.admin[0]: 10.0.0.0/8 → 0.0.0.0/0`).
 */
export type OpenerParts =
  | { readonly kind: "vendor-row"; readonly row: string; readonly source: string }
  | { readonly kind: "layout-rule"; readonly rule: string; readonly line: string; readonly acknowledged?: string }
  | { readonly kind: "layout-peer"; readonly peer: string; readonly line: string; readonly rows: readonly string[]; readonly acknowledged?: string };

/** Everything a world-open warning says, so a translation can say it in its own order. */
export interface WorldWarningParts {
  readonly code: WarningCode;
  readonly group: string;
  /** "TCP 6443", "IPIP". */
  readonly what: string;
  readonly cidr: string;
  /** Who opened it; empty for a warning without attribution (then `original` is all there is). */
  readonly openers: readonly OpenerParts[];
  /** Internal services the flow exposes (etcd, kubelet, ...). */
  readonly exposes: readonly string[];
  /** The compiler's English sentence, Markdown-escaped. */
  readonly original: string;
}

function openerEn(o: OpenerParts): string {
  const ack = o.kind !== "vendor-row" && o.acknowledged ? ` (acknowledged: "${o.acknowledged}")` : "";
  switch (o.kind) {
    case "vendor-row":
      return `the vendor document prescribes it (row ${o.row}: ${o.source})`;
    case "layout-rule":
      return `this layout's own rule ${o.rule} opens it (${o.line})${ack}`;
    case "layout-peer":
      return `this layout's peer ${o.peer} is the internet (${o.line}); the vendor rows only name the peer: ${o.rows.join(", ")}${ack}`;
  }
}

function worldWarningEn(p: WorldWarningParts): string {
  if (p.openers.length === 0) return p.original;
  const exposes = p.exposes.length > 0 ? ` This exposes ${p.exposes.join(", ")}.` : "";
  return `${p.group} accepts ${p.what} from ${p.cidr}: ${p.openers.map(openerEn).join("; ")}.${exposes} Restrict it to known networks where you can.`;
}

export const en = {
  flow: {
    protocol: {
      tcp: "TCP",
      udp: "UDP",
      icmp: "ICMP",
      ipip: "IP-in-IP (4)",
      ipip94: "IP protocol 94",
      esp: "ESP (50)",
      all: "all traffic",
    } satisfies Record<Protocol, string>,
    icmpAllTypes: "all types",
    icmpType: (type: number, code: number | undefined) => `type ${type}${code === undefined ? "" : ` code ${code}`}`,
    itself: "itself",
    anywhere: "(anywhere)",
  },
  columns: {
    port: "Port",
    protocol: "Protocol",
    from: "From",
    to: "To",
    why: "Why",
    source: "Source document",
    profile: "Profile",
    title: "Title",
    document: "Document",
    option: "Option",
    value: "Value",
    default: "Default",
    meaning: "Meaning",
    peer: "Peer",
    cidrs: "CIDRs",
    group: "Node group",
    change: "Change",
    openedBy: "Opened by",
    direction: "Direction",
    before: "Before",
    after: "After",
  },
  plan: {
    title: (layout: string) => `kubeports plan: ${layout}`,
    summary: (groups: number, rules: number, schema: string) =>
      `${groups} node group${groups === 1 ? "" : "s"}, ${rules} rules (ingress and egress), plan schema ${schema}.`,
    profiles: "Profiles",
    options: "Options",
    optionsDefault: "Every option has its default value.",
    optionsDiffer: "Options that differ from kubeports' defaults (set by the layout or assumed by a profile):",
    peers: "Peers",
    nodeGroup: (name: string) => `Node group ${name}`,
    rolesAndCluster: (roles: string, cluster: string) => `Roles: ${roles}. Cluster: ${cluster}.`,
    clusterOfKind: (cluster: string, kind: string) => `${cluster} (kind ${kind})`,
    ingress: (group: string) => `Ingress: what ${group} accepts`,
    egress: (group: string) => `Egress: what ${group} sends outside the layout`,
    nothing: "Nothing.",
    mirrored: (group: string, count: number) =>
      `${group} also has ${count === 1 ? "1 egress rule" : `${count} egress rules`} to node groups, each the mirror of an ingress row in the target group's table.`,
    localProbes: "Local probes: documented, no rule needed",
    warnings: "Warnings",
    notes: "Notes",
    disagreements: "Disagreements",
    supplements: "Supplements: what the cluster needs and the documents omit",
    supplementsIntro: (count: number) =>
      `${count} flow${count === 1 ? "" : "s"} the Kubernetes connectivity model requires that no row of the layout's profiles opens, added to the tables above (completeness: supplement).`,
    none: "None.",
    warning: worldWarningEn,
    /** `message` is the compiler's sentence (Markdown-escaped); `detail` the peer or hosts it names. */
    note: (code: NoteCode, where: string, message: string, _description: string, _detail: string) => `**${code}** (${where}): ${message}`,
    optionMeaning: (name: OptionName) => OPTION_INFO[name].description,
    profileTitle: (_id: string, title: string) => title,
    picture: "Picture",
    matrix: "Port matrix",
    matrixLegend: "Rows send, columns accept; each cell lists what the column group accepts from the row. The picture draws one arrow per pair; this table has the ports.",
    matrixSelf: "(self)",
    noteWhere: (profile: string, row: string) => `${profile} row ${row}`,
    disagreement: (id: string, where: string, says: string, otherSource: string, other: string) =>
      `**${id}** (${where}): the document says "${says}"; ${otherSource} says "${other}".`,
    disagreementWhere: (profile: string, rows: readonly string[]) => `${profile} row${rows.length === 1 ? "" : "s"} ${rows.join(", ")}`,
  },
  mermaid: {
    everyNode: (ports: string, groups: string | undefined) => `${groups === undefined ? "every group ↔ every group" : `every two of ${groups}`} (each to itself too): ${ports}`,
    cluster: (cluster: string) => `cluster ${cluster}`,
    allClusters: (clusters: string) => `every group of clusters ${clusters}`,
    clusterOfKind: (cluster: string, kind: string) => `cluster ${cluster} (${kind})`,
    noChanges: "No firewall changes.",
    reasonsChanged: "document rows changed",
  },
  diff: {
    title: (before: string, after: string) => `kubeports diff: ${before} → ${after}`,
    noChanges: "No firewall changes.",
    newSide: (label: string) => `${label} does not exist there: every group and flow below is new.`,
    summary: (s: { flowsAdded: number; flowsRemoved: number; flowsChanged: number; groups: number }) =>
      `**${s.flowsAdded} flow${s.flowsAdded === 1 ? "" : "s"} added, ${s.flowsRemoved} removed, ${s.flowsChanged} changed** in ${s.groups} node group${s.groups === 1 ? "" : "s"}.`,
    groupCounts: (added: number, removed: number) => `Node groups: ${added} added, ${removed} removed.`,
    warningCounts: (added: number, removed: number) => `Warnings: ${added} added, ${removed} removed.`,
    opensCount: (count: number) => `**${count} change${count === 1 ? "" : "s"} open${count === 1 ? "s" : ""} a port to the internet** (0.0.0.0/0 or ::/0).`,
    opensHeading: "Opens to the internet",
    options: "Options",
    groupHeading: (name: string, status: "added" | "removed" | "changed") => `Node group ${name} (${status})`,
    roles: (roles: string) => `Roles: ${roles}.`,
    rolesChanged: (before: string, after: string) => `Roles: ${before} → ${after}.`,
    ingress: "in",
    egress: "out",
    none: "No flow changes.",
    mirrored: (count: number) =>
      `${count === 1 ? "1 egress change" : `${count} egress changes`} to node groups not shown: each mirrors an ingress change in the target group's table.`,
    was: (text: string) => `was: ${text}`,
    warnings: "Warnings",
    notes: "Notes",
    picture: "Picture",
    peers: "Peers",
    peersLegend: "Peer CIDRs that changed, and whether any rule changed with them.",
    peerLine: (line: string) => line,
    unset: "(unset)",
    noRuleChanged: "no rule changed",
    rulesChanged: (count: number) => `${count} rule change${count === 1 ? "" : "s"}`,
    effect: "Effect",
    /** Who opened a world flow, in a table cell. */
    opener: (o: OpenerParts) =>
      o.kind === "vendor-row"
        ? `vendor row ${o.row} (${o.source})`
        : o.kind === "layout-rule"
          ? `this layout's rule ${o.rule}: ${o.line}${o.acknowledged ? ` (acknowledged: "${o.acknowledged}")` : ""}`
          : `this layout's peer: ${o.line}${o.acknowledged ? ` (acknowledged: "${o.acknowledged}")` : ""}`,
    markerLegend: "`+` added, `-` removed, `~` changed.",
  },
  cli: {
    wrote: (format: string, file: string) => `kubeports: wrote ${format} report to ${file}\n`,
    diffNeedsTwo: "diff compares two layouts or stacks: give both (kubeports diff old.yaml new.yaml), or one with --base <rev> (kubeports diff rancher-aws --base origin/main)",
    diffBaseWithTwo: (rev: string) => `--base ${rev} compares one layout or stack with itself at ${rev}: give one argument, or drop --base to compare two`,
    noChanges: "kubeports: No firewall changes.\n",
    worldOpened: (count: number) =>
      `kubeports: ${count} change${count === 1 ? "" : "s"} open${count === 1 ? "s" : ""} a port to the internet (0.0.0.0/0 or ::/0); failing because of --fail-on-world (exit code 3)\n`,
  },
};

export type Messages = typeof en;
