import ipaddr from "ipaddr.js";

/**
 * The first `count` subnets of `prefix` bits inside an IPv4 network: 10.0.0.0/16 -> 10.0.0.0/20,
 * 10.0.16.0/20, ... Errors when they do not fit.
 */
export function subnetCidrs(network: string, count: number, prefix: number): string[] {
  const [address, length] = ipaddr.IPv4.parseCIDR(network);
  if (prefix < length || count > 2 ** (prefix - length)) {
    throw new Error(`${network} cannot hold ${count} subnets of /${prefix} (use a larger networkCidr)`);
  }
  const base = address.toByteArray().reduce((value, byte) => value * 256 + byte, 0);
  const size = 2 ** (32 - prefix);
  return Array.from({ length: count }, (_, index) => {
    const start = base + index * size;
    const bytes = [24, 16, 8, 0].map((shift) => Math.floor(start / 2 ** shift) % 256);
    return `${bytes.join(".")}/${prefix}`;
  });
}
