import ipaddr from "ipaddr.js";

export interface ParsedCidr {
  /** Canonical text: dotted-decimal IPv4, RFC 5952 (lower-case, compressed) IPv6. */
  readonly cidr: string;
  readonly family: "ipv4" | "ipv6";
  /** 0.0.0.0/0 or ::/0. */
  readonly world: boolean;
}

const IPV4_NOTATION = "four decimal octets without leading zeros and a prefix length: a.b.c.d/n, for example 192.0.2.0/24";
const IPV6_NOTATION = "RFC 5952 text with a prefix length, for example 2001:db8::/48";
/** The only notations kubeports reads, as every CIDR error states them. */
export const CIDR_NOTATION = `IPv4 as ${IPV4_NOTATION}; IPv6 as ${IPV6_NOTATION}`;

const DECIMAL_OCTET = /^(?:0|[1-9]\d{0,2})$/;
const DECIMAL_PREFIX = /^(?:0|[1-9]\d{0,2})$/;
const IPV6_TEXT = /^[0-9A-Fa-f:]+(?::\d+\.\d+\.\d+\.\d+)?$/;

function refuse(text: string, why: string): never {
  throw new Error(`"${text}" ${why}`);
}

/** The IPv4 address a legacy notation (hex, integer) unambiguously means, for the hint. */
function legacyIpv4Meaning(address: string): string | undefined {
  const parts = address.split(".");
  const isHex = (part: string) => /^0x[0-9a-f]+$/i.test(part);
  const isPlain = (part: string) => DECIMAL_OCTET.test(part);
  // Only integers and hex in full four-part form (or one 32-bit number) mean one thing everywhere.
  if (parts.length === 1 && /^(?:[1-9]\d*|0x[0-9a-f]+)$/i.test(address)) {
    const value = Number(address);
    if (Number.isSafeInteger(value) && value <= 0xffffffff) return ipaddr.IPv4.parse(String(value)).toString();
    return undefined;
  }
  if (parts.length === 4 && parts.every((part) => isHex(part) || isPlain(part)) && parts.some(isHex)) {
    const octets = parts.map((part) => Number(part));
    if (octets.every((octet) => octet <= 255)) return octets.join(".");
  }
  return undefined;
}

function isDottedDecimal(address: string): boolean {
  const parts = address.split(".");
  return parts.length === 4 && parts.every((part) => DECIMAL_OCTET.test(part) && Number(part) <= 255);
}

function checkIpv4Text(text: string, address: string, prefix: string): void {
  const parts = address.split(".");
  if (parts.length === 4 && parts.every((part) => DECIMAL_OCTET.test(part))) {
    if (parts.some((part) => Number(part) > 255)) refuse(text, `has an octet above 255 (write ${IPV4_NOTATION})`);
    return;
  }
  if (parts.length === 4 && parts.every((part) => /^\d+$/.test(part))) {
    // Leading zeros: inet_aton reads 010 as octal 8, most other tools as decimal 10.
    const decimal = parts.map((part) => String(Number(part))).join(".");
    const octal = parts.map((part) => (/^0\d/.test(part) ? String(parseInt(part, 8)) : part)).join(".");
    const octalHint = /^[0-7]+$/.test(parts.filter((part) => /^0\d/.test(part)).join("")) && octal !== decimal
      ? ` or "${octal}/${prefix}" if you meant octal`
      : "";
    refuse(
      text,
      `has an octet with a leading zero, which some tools read as octal and others as decimal, so it is not accepted; ` +
        `write "${decimal}/${prefix}" if you meant decimal${octalHint}`,
    );
  }
  if (parts.length < 4 && parts.every((part) => /^\d+$/.test(part)) && parts.length > 1) {
    refuse(text, `is shorthand with ${parts.length} of the 4 octets, which tools expand differently, so it is not accepted; write ${IPV4_NOTATION}`);
  }
  const meant = legacyIpv4Meaning(address);
  if (meant) refuse(text, `is not dotted-decimal notation and is not accepted; write "${meant}/${prefix}"`);
  refuse(text, `is not accepted: write ${IPV4_NOTATION}`);
}

function checkIpv6Text(text: string, address: string): void {
  if (address.includes("%")) refuse(text, `has a zone index ("%..."), which firewall rules cannot use; remove it (write ${IPV6_NOTATION})`);
  if (!IPV6_TEXT.test(address) || !ipaddr.IPv6.isValid(address)) refuse(text, `is not an IPv6 address (write ${IPV6_NOTATION})`);
  const embedded = /:(\d+\.\d+\.\d+\.\d+)$/.exec(address)?.[1];
  if (embedded && !embedded.split(".").every((part) => DECIMAL_OCTET.test(part) && Number(part) <= 255)) {
    refuse(text, `embeds an IPv4 address that is not four decimal octets without leading zeros (write ${IPV6_NOTATION})`);
  }
}

/**
 * Parses a CIDR and insists on one notation and on the network address. Legacy IPv4 forms
 * (leading zeros read as octal, hex, a 32-bit integer, `10.1` shorthand) are refused because
 * tools disagree about what they mean; clouds reject (AWS, Azure) or silently rewrite (GCP)
 * "10.0.0.5/8". IPv6 may be written in any case and uncompressed; it comes back in RFC 5952
 * form, so `2001:DB8:0::/48` and `2001:db8::/48` are one peer. Errors show what to write.
 */
export function parseCidr(text: string): ParsedCidr {
  if (typeof text !== "string") throw new Error(`${JSON.stringify(text)} is not a CIDR (write ${CIDR_NOTATION})`);
  if (text !== text.trim()) refuse(text, `has spaces around it; write "${text.trim()}"`);
  const slash = text.indexOf("/");
  const address = slash < 0 ? text : text.slice(0, slash);
  const prefix = slash < 0 ? undefined : text.slice(slash + 1);
  const ipv6 = address.includes(":");
  if (prefix === undefined) {
    const oneAddress = ipv6 ? ipaddr.IPv6.isValid(address) && !address.includes("%") : isDottedDecimal(address);
    if (!oneAddress) refuse(text, `is not a CIDR (write ${CIDR_NOTATION})`);
    refuse(text, `has no prefix length; write "${text}/${ipv6 ? 128 : 32}" for this one address, or give the network's prefix length`);
  }
  if (!/^\d+$/.test(prefix)) refuse(text, `has prefix length "${prefix}", which is not a number (write ${ipv6 ? IPV6_NOTATION : IPV4_NOTATION})`);
  if (!DECIMAL_PREFIX.test(prefix)) refuse(text, `has a prefix length with a leading zero; write "${address}/${Number(prefix)}"`);
  const length = Number(prefix);
  if (length > (ipv6 ? 128 : 32)) refuse(text, `has prefix length ${length}; ${ipv6 ? "IPv6 allows 0-128" : "IPv4 allows 0-32"}`);
  if (ipv6) checkIpv6Text(text, address);
  else checkIpv4Text(text, address, prefix);

  const parsed = ipaddr.parseCIDR(text);
  const family = parsed[0].kind() === "ipv4" ? "ipv4" : "ipv6";
  const network = family === "ipv4" ? ipaddr.IPv4.networkAddressFromCIDR(text) : ipaddr.IPv6.networkAddressFromCIDR(text);
  const canonical = `${network.toString()}/${length}`;
  if (network.toString() !== parsed[0].toString()) {
    refuse(text, `has host bits set (did you mean "${canonical}"?)`);
  }
  return { cidr: canonical, family, world: length === 0 };
}

export const WORLD_IPV4 = "0.0.0.0/0";
export const WORLD_IPV6 = "::/0";
