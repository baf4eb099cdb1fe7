/**
 * Network protocols a requirement row can name. IP-in-IP is IANA protocol 4 (what Calico
 * tunnels); `ipip94` is IANA 94, which /etc/protocols calls "ipip" and which one vendor page
 * asks for beside IPENCAP. Both are kept so the plan says exactly what the vendor asked.
 */
export const PROTOCOLS = ["tcp", "udp", "icmp", "ipip", "ipip94", "esp", "all"] as const;
/** One of PROTOCOLS: tcp, udp, icmp, ipip (IP protocol 4), ipip94, esp, or all traffic. */
export type Protocol = (typeof PROTOCOLS)[number];

/** IANA protocol numbers, as clouds that take numbers want them. `all` has none. */
export const PROTOCOL_NUMBER: Record<Exclude<Protocol, "all">, number> = {
  icmp: 1,
  ipip: 4,
  tcp: 6,
  udp: 17,
  esp: 50,
  ipip94: 94,
};

/** Protocols whose rules carry a port range. */
export function hasPorts(protocol: Protocol): protocol is "tcp" | "udp" {
  return protocol === "tcp" || protocol === "udp";
}

/** ICMP type and code; an absent field means "any". */
export interface IcmpMatch {
  /** ICMP type, 0-255 (8: echo request). */
  readonly type: number;
  /** ICMP code, 0-255; absent for any code. */
  readonly code?: number;
}
