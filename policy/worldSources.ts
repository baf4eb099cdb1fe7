/**
 * Which written sources mean "the whole internet". Prefix length 0 is the test, whatever the
 * address bits: GCP silently rewrites "1.2.3.4/0" to 0.0.0.0/0, so it is the world too.
 */
import ipaddr from "ipaddr.js";
import type { WorldSource } from "./ruleView";

export function worldCidr(text: unknown): WorldSource | undefined {
  if (typeof text !== "string") return undefined;
  try {
    const [address, length] = ipaddr.parseCIDR(text.trim());
    return length === 0 ? { text, family: address.kind() === "ipv4" ? "ipv4" : "ipv6" } : undefined;
  } catch {
    return undefined;
  }
}

/** Azure address prefixes: `*` and the `Internet` service tag (case-insensitive) also mean everyone. */
export function azureWorldPrefix(text: unknown): WorldSource | undefined {
  if (typeof text !== "string") return undefined;
  const word = text.trim().toLowerCase();
  if (word === "*" || word === "internet") return { text, family: "any" };
  return worldCidr(text);
}

export function worldCidrs(list: unknown): WorldSource[] {
  return Array.isArray(list) ? list.flatMap((text) => worldCidr(text) ?? []) : [];
}
