/**
 * Every fixed phrase the reports and the diff command print, in English. Data (ports, file
 * names, row text, compiler messages) is passed in and never translated. messages.ko.ts must
 * have the same keys and signatures: `Messages` is this object's type.
 */
import type { NoteCode, WarningCode } from "../model/plan";
import type { Protocol } from "../model/protocol";

/** Everything a world-open warning says, so a translation can say it in its own order. */
export interface WorldWarningParts {
  readonly code: WarningCode;
  readonly group: string;
  /** "TCP 6443", "IPIP". */
  readonly what: string;
  readonly cidr: string;
  /** True when only the layout's own rules prescribe the flow. */
  readonly byLayout: boolean;
  /** `document (row)` per reason. */
  readonly sources: readonly string[];
  /** Internal services the flow exposes (etcd, kubelet, ...). */
  readonly exposes: readonly string[];
  /** The compiler's English sentence. */
  readonly original: string;
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
    warning: (parts: WorldWarningParts) => parts.original,
    note: (code: NoteCode, where: string, message: string) => `**${code}** (${where}): ${message}`,
    noteWhere: (profile: string, row: string) => `${profile} row ${row}`,
    disagreement: (id: string, where: string, says: string, otherSource: string, other: string) =>
      `**${id}** (${where}): the document says "${says}"; ${otherSource} says "${other}".`,
    disagreementWhere: (profile: string, rows: readonly string[]) => `${profile} row${rows.length === 1 ? "" : "s"} ${rows.join(", ")}`,
  },
  mermaid: {
    cluster: (cluster: string) => `cluster ${cluster}`,
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
