import ipaddr from "ipaddr.js";

export interface ParsedCidr {
  /** Canonical text: lower-case, compressed IPv6. */
  readonly cidr: string;
  readonly family: "ipv4" | "ipv6";
  /** 0.0.0.0/0 or ::/0. */
  readonly world: boolean;
}

/**
 * Parses a CIDR and insists on the network address, because clouds reject (AWS, Azure) or
 * silently rewrite (GCP) "10.0.0.5/8". The error text says what was meant.
 */
export function parseCidr(text: string): ParsedCidr {
  let parsed: [ipaddr.IPv4 | ipaddr.IPv6, number];
  try {
    parsed = ipaddr.parseCIDR(text.trim());
  } catch {
    throw new Error(`"${text}" is not a CIDR (write an address and prefix length, for example 10.0.0.0/16 or 2001:db8::/48)`);
  }
  const [address, length] = parsed;
  const family = address.kind() === "ipv4" ? "ipv4" : "ipv6";
  const network =
    family === "ipv4"
      ? ipaddr.IPv4.networkAddressFromCIDR(text.trim())
      : ipaddr.IPv6.networkAddressFromCIDR(text.trim());
  const canonical = `${network.toString()}/${length}`;
  if (network.toString() !== address.toString()) {
    throw new Error(`"${text}" has host bits set (did you mean "${canonical}"?)`);
  }
  return { cidr: canonical, family, world: length === 0 };
}

export const WORLD_IPV4 = "0.0.0.0/0";
export const WORLD_IPV6 = "::/0";
