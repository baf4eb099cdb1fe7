/**
 * CIDRs as inclusive integer ranges, so the evaluator can ask "does this rule's range hold the
 * whole source?" and split a peer's CIDR where rules' ranges begin and end.
 */
import ipaddr from "ipaddr.js";

export type Family = "ipv4" | "ipv6";

export interface AddressRange {
  readonly family: Family;
  readonly first: bigint;
  readonly last: bigint;
  /** The CIDR text it came from. */
  readonly cidr: string;
}

function toBigInt(bytes: readonly number[]): bigint {
  return bytes.reduce((value, byte) => (value << 8n) | BigInt(byte), 0n);
}

/** Parses a CIDR (or a bare address, as a /32 or /128); undefined when it is neither. */
export function addressRange(text: string): AddressRange | undefined {
  const trimmed = text.trim();
  let address: ipaddr.IPv4 | ipaddr.IPv6;
  let length: number;
  try {
    if (trimmed.includes("/")) [address, length] = ipaddr.parseCIDR(trimmed);
    else {
      address = ipaddr.parse(trimmed);
      length = address.kind() === "ipv4" ? 32 : 128;
    }
  } catch {
    return undefined;
  }
  const family: Family = address.kind() === "ipv4" ? "ipv4" : "ipv6";
  const bits = family === "ipv4" ? 32 : 128;
  const value = toBigInt(address.toByteArray());
  const hostBits = BigInt(bits - length);
  const first = (value >> hostBits) << hostBits;
  const last = first | ((1n << hostBits) - 1n);
  return { family, first, last, cidr: trimmed };
}

export function contains(outer: AddressRange, inner: AddressRange): boolean {
  return outer.family === inner.family && outer.first <= inner.first && inner.last <= outer.last;
}

export function overlaps(a: AddressRange, b: AddressRange): boolean {
  return a.family === b.family && a.first <= b.last && b.first <= a.last;
}

/** Text of a single address of a range, for reports. */
export function addressText(family: Family, value: bigint): string {
  const bytes: number[] = [];
  for (let i = family === "ipv4" ? 3 : 15; i >= 0; i--) bytes.push(Number((value >> BigInt(i * 8)) & 0xffn));
  return ipaddr.fromByteArray(bytes).toString();
}

/**
 * Cuts `range` where any of `cuts` begins or ends inside it: within each piece every cut range
 * either holds all addresses or none, so one address per piece decides for the whole piece.
 */
export function splitRange(range: AddressRange, cuts: readonly AddressRange[]): AddressRange[] {
  const points = new Set<bigint>([range.first]);
  for (const cut of cuts) {
    if (cut.family !== range.family) continue;
    if (cut.first > range.first && cut.first <= range.last) points.add(cut.first);
    if (cut.last + 1n > range.first && cut.last + 1n <= range.last) points.add(cut.last + 1n);
  }
  const starts = [...points].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return starts.map((first, i) => {
    const last = i + 1 < starts.length ? starts[i + 1]! - 1n : range.last;
    return { family: range.family, first, last, cidr: first === last ? addressText(range.family, first) : `${addressText(range.family, first)}-${addressText(range.family, last)}` };
  });
}
