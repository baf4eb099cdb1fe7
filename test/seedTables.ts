/**
 * Shared machinery for the seed tests: each test transcribes a vendor table (port, protocol,
 * who, to whom) straight from the seed text, and these helpers check a compiled plan against
 * it. Nothing here reads a profile: the tables are the independent side of the comparison.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import type { Flow, FlowPeer, Plan, PlanGroup } from "../components/model/plan";
import type { Protocol } from "../components/model/protocol";

/** Copies of the seed documents ship in test/seeds; KUBEPORTS_SEEDS points elsewhere. */
const SEEDS_DIR = process.env.KUBEPORTS_SEEDS ?? path.resolve(__dirname, "seeds");

export function readSeed(name: string): string {
  return readFileSync(path.join(SEEDS_DIR, name), "utf8");
}

/** One end of a documented connection, in the test layout's names. */
export type End = { readonly group: string } | { readonly cidr: string } | { readonly host: string };

export const group = (name: string): End => ({ group: name });
export const cidr = (text: string): End => ({ cidr: text });
export const host = (name: string): End => ({ host: name });

export interface Range {
  readonly from: number;
  readonly to: number;
}

/** One connection the plan must (or must not) allow. */
export interface Expectation {
  readonly label: string;
  readonly protocol: Protocol;
  readonly ports?: Range;
  readonly icmpType?: number;
  readonly from: End;
  readonly to: End;
}

/** The protocol words the vendor pages use. HTTP(S) runs over TCP. */
const PROTOCOL_WORDS: Readonly<Record<string, readonly Protocol[]>> = {
  TCP: ["tcp"],
  UDP: ["udp"],
  "TCP/UDP": ["tcp", "udp"],
  HTTP: ["tcp"],
  HTTPS: ["tcp"],
  ICMP: ["icmp"],
  "IPENCAP / IPIP": ["ipip"],
  "IPIP (94)": ["ipip94"],
};

export function protocolsOf(word: string): readonly Protocol[] {
  const protocols = PROTOCOL_WORDS[word];
  if (!protocols) throw new Error(`test table: unknown protocol word "${word}"`);
  return protocols;
}

/** Ports as a vendor page prints them: "22", "2379-2380", "51820/51821"; "-" or "" for none. */
export function docPorts(text: string): Range[] {
  if (text === "" || text === "-") return [];
  return text.split("/").map((part) => {
    const match = /^(\d+)(?:-(\d+))?$/.exec(part.trim());
    if (!match) throw new Error(`test table: "${text}" is not a port list`);
    const from = Number(match[1]);
    return { from, to: match[2] === undefined ? from : Number(match[2]) };
  });
}

/** A documented row: doc words for protocol and ports, and who talks to whom. */
export interface DocRow<Party extends string, LayoutKey extends string> {
  readonly label: string;
  readonly protocol: string;
  readonly ports: string;
  readonly icmpTypes?: readonly number[];
  readonly from: readonly Party[];
  readonly to: readonly Party[];
  /** Layouts in which the row applies; omitted = all of them. */
  readonly in?: readonly LayoutKey[];
}

/** Every (protocol, port range, ICMP type, from, to) the row stands for. */
export function expand<Party extends string>(
  row: DocRow<Party, string>,
  parties: Readonly<Record<Party, readonly End[]>>,
): Expectation[] {
  const ranges: (Range | undefined)[] = docPorts(row.ports);
  const types: (number | undefined)[] = row.icmpTypes ? [...row.icmpTypes] : [undefined];
  const out: Expectation[] = [];
  for (const protocol of protocolsOf(row.protocol)) {
    const portsFor = protocol === "tcp" || protocol === "udp" ? ranges : [undefined];
    for (const ports of portsFor)
      for (const icmpType of protocol === "icmp" ? types : [undefined])
        for (const from of row.from.flatMap((p) => parties[p]))
          for (const to of row.to.flatMap((p) => parties[p]))
            out.push({ label: row.label, protocol, ports, icmpType, from, to });
  }
  return out;
}

function planGroup(plan: Plan, name: string): PlanGroup {
  const found = plan.groups.find((g) => g.name === name);
  if (!found) throw new Error(`plan has no group "${name}" (groups: ${plan.groups.map((g) => g.name).join(", ")})`);
  return found;
}

function samePeer(peer: FlowPeer, end: End): boolean {
  if ("group" in end) return peer.kind === "group" && peer.group === end.group;
  if ("cidr" in end) return peer.kind === "cidr" && peer.cidr === end.cidr;
  return peer.kind === "host" && peer.host === end.host;
}

function allows(flow: Flow, e: Expectation, peer: End): boolean {
  if (flow.protocol !== e.protocol || !samePeer(flow.peer, peer)) return false;
  if (e.ports && !(flow.ports && flow.ports.from <= e.ports.from && e.ports.to <= flow.ports.to)) return false;
  if (e.icmpType !== undefined && flow.icmp && flow.icmp.type !== e.icmpType) return false;
  return true;
}

/** The flows that carry `e`: ingress on the target group and egress on the source group. */
function carriers(plan: Plan, e: Expectation): { where: string; flows: Flow[] }[] {
  const sides: { where: string; flows: Flow[] }[] = [];
  if ("group" in e.to) {
    sides.push({ where: `${e.to.group} ingress`, flows: planGroup(plan, e.to.group).ingress.filter((f) => allows(f, e, e.from)) });
  }
  if ("group" in e.from) {
    sides.push({ where: `${e.from.group} egress`, flows: planGroup(plan, e.from.group).egress.filter((f) => allows(f, e, e.to)) });
  }
  return sides;
}

function show(e: Expectation): string {
  const end = (x: End) => ("group" in x ? x.group : "cidr" in x ? x.cidr : x.host);
  const what = e.ports ? `${e.ports.from}-${e.ports.to}` : e.icmpType !== undefined ? `type ${e.icmpType}` : "";
  return `${e.label}: ${e.protocol} ${what} ${end(e.from)} -> ${end(e.to)}`;
}

/** The plan allows `e` on both ends it controls, and a flow carrying it cites `seed`. */
export function expectAllowed(plan: Plan, e: Expectation, seed: string): void {
  const sides = carriers(plan, e);
  expect(sides.length, `${show(e)}: one end must be a node group`).toBeGreaterThan(0);
  for (const side of sides) {
    expect(side.flows.length, `${show(e)}: no flow in ${side.where}`).toBeGreaterThan(0);
    const cited = side.flows.some((f) => f.reasons.some((r) => r.document === seed));
    expect(cited, `${show(e)}: no flow in ${side.where} cites ${seed}`).toBe(true);
  }
}

/** Neither end the plan controls allows `e`. */
export function expectNotAllowed(plan: Plan, e: Expectation): void {
  for (const side of carriers(plan, e)) {
    expect(side.flows.map((f) => f.key), `${show(e)}: unexpected flow in ${side.where}`).toEqual([]);
  }
}

/** Every flow of a one-profile plan exists because of a row of `seed`. */
export function expectEveryFlowCites(plan: Plan, seed: string): void {
  for (const g of plan.groups) {
    for (const flow of [...g.ingress, ...g.egress]) {
      expect(flow.reasons.length, `${g.name} ${flow.key} has no reason`).toBeGreaterThan(0);
      for (const reason of flow.reasons) expect(reason.document, `${g.name} ${flow.key}`).toBe(seed);
    }
  }
}
