/**
 * CIDR notation: one text per network. Canonical text round-trips; any other spelling of an
 * IPv4 network is refused with the form to write; IPv6 in any case or expansion becomes its
 * RFC 5952 form.
 */
import fc from "fast-check";
import ipaddr from "ipaddr.js";
import { describe, expect, it } from "vitest";
import { parseCidr } from "../components/model/cidr";

/** A canonical IPv4 network: random address with the host bits cleared. */
const ipv4Network = fc.tuple(fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 4, maxLength: 4 }), fc.integer({ min: 0, max: 32 })).map(([octets, length]) => {
  const network = ipaddr.IPv4.networkAddressFromCIDR(`${octets.join(".")}/${length}`).toString();
  return `${network}/${length}`;
});

const ipv6Network = fc.tuple(fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 8, maxLength: 8 }), fc.integer({ min: 0, max: 128 })).map(([groups, length]) => {
  const network = ipaddr.IPv6.networkAddressFromCIDR(`${groups.map((g) => g.toString(16)).join(":")}/${length}`);
  return { parts: network.parts, length };
});

describe("parseCidr", () => {
  it("returns canonical IPv4 text unchanged", () => {
    fc.assert(
      fc.property(ipv4Network, (cidr) => {
        expect(parseCidr(cidr).cidr).toBe(cidr);
      }),
    );
  });

  it("refuses a leading zero in any octet, showing the decimal form to write", () => {
    fc.assert(
      fc.property(ipv4Network, fc.integer({ min: 0, max: 3 }), (cidr, index) => {
        const [address, length] = cidr.split("/");
        const octets = address!.split(".");
        octets[index] = `0${octets[index]}`;
        const text = `${octets.join(".")}/${length}`;
        expect(() => parseCidr(text)).toThrow(`write "${cidr}" if you meant decimal`);
      }),
    );
  });

  it("refuses a 32-bit integer or hex octets, showing the dotted-decimal form", () => {
    fc.assert(
      fc.property(ipv4Network, (cidr) => {
        const [address, length] = cidr.split("/");
        const value = ipaddr.IPv4.parse(address!).toByteArray().reduce((sum, byte) => sum * 256 + byte, 0);
        if (value > 0) expect(() => parseCidr(`${value}/${length}`)).toThrow(`write "${cidr}"`);
        const hex = address!.split(".").map((octet) => `0x${Number(octet).toString(16)}`).join(".");
        expect(() => parseCidr(`${hex}/${length}`)).toThrow(`write "${cidr}"`);
      }),
    );
  });

  it("reads IPv6 in any case, expanded or compressed, as its RFC 5952 text", () => {
    fc.assert(
      fc.property(ipv6Network, fc.boolean(), (network, upper) => {
        const canonical = `${new ipaddr.IPv6(network.parts).toRFC5952String()}/${network.length}`;
        const expanded = network.parts.map((part) => part.toString(16).padStart(4, "0")).join(":");
        const written = `${upper ? expanded.toUpperCase() : expanded}/${network.length}`;
        expect(parseCidr(written)).toEqual({ cidr: canonical, family: "ipv6", world: network.length === 0 });
      }),
    );
  });

  it("gives no guess for shorthand, whose meaning tools disagree on", () => {
    expect(() => parseCidr("10.1/16")).toThrow(/shorthand .* not accepted; write four decimal octets/);
    expect(() => parseCidr("10.1/16")).not.toThrow(/10\.0\.0\.0\/16|10\.1\.0\.0\/16/);
  });
});
