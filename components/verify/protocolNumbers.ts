/** Protocol names as the clouds spell them (tcp, "6", Tcp, ipv6-icmp, ...) -> IANA numbers; -1 is every protocol. */
const NAMED: Readonly<Record<string, number>> = {
  all: -1,
  "-1": -1,
  "*": -1,
  any: -1,
  icmp: 1,
  ipip: 4,
  tcp: 6,
  udp: 17,
  esp: 50,
  ah: 51,
  icmpv6: 58,
  "ipv6-icmp": 58,
  sctp: 132,
};

export function protocolNumber(text: unknown): number | undefined {
  if (typeof text === "number") return text;
  if (typeof text !== "string") return undefined;
  const lower = text.trim().toLowerCase();
  if (lower in NAMED) return NAMED[lower];
  return /^\d+$/.test(lower) ? Number(lower) : undefined;
}

export function protocolName(number: number): string {
  if (number === -1) return "all";
  const name = Object.entries(NAMED).find(([key, value]) => value === number && !/^\d|-/.test(key) && key !== "ipv6-icmp");
  return name ? name[0] : `IP protocol ${number}`;
}

export const TCP = 6;
export const UDP = 17;
export const ICMP = 1;
export const ICMPV6 = 58;
