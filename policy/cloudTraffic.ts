/**
 * Cloud protocol words and port notations -> the model's protocols and port ranges, so the
 * shared INTERNAL_SERVICES list can judge any cloud's rule. Unknown words map to nothing:
 * no internal service uses ICMPv6, AH, SCTP or GRE.
 */
import { parsePortSpec, type PortRange } from "../components/model/ports";
import type { Protocol } from "../components/model/protocol";

const BY_WORD: Readonly<Record<string, readonly Protocol[]>> = {
  "-1": ["all"],
  all: ["all"],
  "*": ["all"],
  tcp: ["tcp"],
  "6": ["tcp"],
  udp: ["udp"],
  "17": ["udp"],
  icmp: ["icmp"],
  "1": ["icmp"],
  esp: ["esp"],
  "50": ["esp"],
  "4": ["ipip"],
  "94": ["ipip94"],
  // GCP's `ipip` keyword: its number is not documented (/etc/protocols says 94, Calico
  // tunnels protocol 4), so it is judged as both.
  ipip: ["ipip", "ipip94"],
};

export function modelProtocols(word: unknown): readonly Protocol[] {
  return typeof word === "string" ? (BY_WORD[word.trim().toLowerCase()] ?? []) : [];
}

export function carriesPorts(protocol: Protocol): protocol is "tcp" | "udp" {
  return protocol === "tcp" || protocol === "udp";
}

/**
 * Port texts ("22", "2379-2381", "*") -> ranges; `undefined` means every port. A text that is
 * not a port is judged as every port: the cloud rejects it anyway, and a security check must
 * not read "unparseable" as "closed".
 */
export function portTexts(texts: readonly unknown[]): PortRange[] | undefined {
  if (texts.length === 0) return undefined;
  const ranges: PortRange[] = [];
  for (const text of texts) {
    if (typeof text !== "string" && typeof text !== "number") return undefined;
    const spec = String(text).trim();
    if (spec === "*") return undefined;
    try {
      ranges.push(...parsePortSpec(spec));
    } catch {
      return undefined;
    }
  }
  return ranges;
}

/** `tcp 22`, `udp all ports`, `all traffic (ipProtocol "-1")`, `ipProtocol "4"`. */
export function trafficText(protocol: unknown, ports: string | undefined, field: string): string {
  const word = String(protocol);
  const protocols = modelProtocols(word);
  if (protocols.includes("all")) return `all traffic (${field} "${word}")`;
  if (protocols.length > 0 && protocols.every(carriesPorts)) return `${word} ${ports ?? "all ports"}`;
  return `${field} "${word}"`;
}
