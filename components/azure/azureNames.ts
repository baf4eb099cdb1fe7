/**
 * Azure name rules for security rules, network security groups and application security
 * groups: 1-80 characters, word characters, "." "-" "_", starting with a word character and
 * ending with a word character or "_". Names are built from content and shortened with a
 * hash, never truncated into a collision.
 */
import { shortHash, slug, stableName } from "../naming/stableName";

export const AZURE_NAME = /^\w(?:[\w.-]{0,78}\w)?$/;
export const AZURE_NAME_MAX = 80;
export const AZURE_NAME_RULE =
  "1-80 letters, digits, underscores, periods and hyphens, starting with a letter, digit or underscore and ending with a letter, digit or underscore";

/** Rule descriptions: Azure's limit. */
export const AZURE_DESCRIPTION_MAX = 140;

export function isAzureName(text: string): boolean {
  return AZURE_NAME.test(text);
}

/**
 * The component name as a name prefix: "Prod Cluster" -> "prod-cluster". Undefined when nothing
 * usable is left (the caller reports it), so no resource is ever named after a bad prefix.
 */
export function namePrefix(componentName: string): string | undefined {
  const text = slug(componentName);
  return text.length > 0 ? text : undefined;
}

/** A valid Azure name from hyphen-joined parts; parts are slugged, long results end in a hash. */
export function azureName(...parts: string[]): string {
  const full = parts.map((part) => slug(part)).filter((part) => part.length > 0).join("-");
  return stableName(full, AZURE_NAME_MAX);
}

/** A short content hash that keeps a name unique when two rules would slug to the same text. */
export function disambiguate(name: string, content: string): string {
  return stableName(`${name}-${shortHash(content, 6)}`, AZURE_NAME_MAX);
}
