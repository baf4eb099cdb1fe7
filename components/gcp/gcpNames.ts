/**
 * GCP resource-name rules (RFC 1035 labels), shared by firewall rules, policies, network tags
 * and service-account ids. Names are built from content and shortened with a hash, never
 * truncated into a collision.
 */
import { shortHash, slug, stableName } from "../naming/stableName";

/** Firewall rules, policies and network tags: 1-63 characters. */
export const GCP_NAME = /^[a-z](?:[-a-z0-9]{0,61}[a-z0-9])?$/;
export const GCP_NAME_MAX = 63;
export const GCP_NAME_RULE = "1-63 lower-case letters, digits and hyphens, starting with a letter and not ending with a hyphen";

/** Service-account ids: 6-30 characters, same alphabet. */
export const SERVICE_ACCOUNT_ID = /^[a-z](?:[-a-z0-9]{4,28}[a-z0-9])$/;
export const SERVICE_ACCOUNT_ID_MAX = 30;

export function isGcpName(text: string): boolean {
  return GCP_NAME.test(text);
}

/**
 * The component name as a name prefix: "Prod Cluster" -> "prod-cluster". Returns undefined when
 * nothing usable is left (the caller reports it), so no rule is ever named after a bad prefix.
 */
export function namePrefix(componentName: string): string | undefined {
  const text = slug(componentName);
  return /^[a-z]/.test(text) ? text : undefined;
}

/** A valid GCP name from hyphen-joined parts; parts are slugged, long results end in a hash. */
export function gcpName(...parts: string[]): string {
  const full = parts.map((part) => slug(part)).filter((part) => part.length > 0).join("-");
  return stableName(full, GCP_NAME_MAX);
}

/** A service-account id (6-30 characters) for a group: short ids get a fixed "-fw" suffix. */
export function serviceAccountId(prefix: string, group: string): string {
  const base = gcpName(prefix, group);
  const padded = base.length < 6 ? `${base}-fw` : base;
  return stableName(padded, SERVICE_ACCOUNT_ID_MAX, 6);
}

/** A short content hash that makes a name unique when two rules would slug to the same text. */
export function disambiguate(name: string, content: string): string {
  return stableName(`${name}-${shortHash(content, 6)}`, GCP_NAME_MAX);
}
