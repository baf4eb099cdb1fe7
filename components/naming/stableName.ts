import { createHash } from "node:crypto";

/** Lower-case words joined by hyphens: "Kubernetes API (6443)" -> "kubernetes-api-6443". */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** First `length` hex characters of SHA-256: short, stable, content-derived. */
export function shortHash(text: string, length = 8): string {
  return createHash("sha256").update(text).digest("hex").slice(0, length);
}

/**
 * Fits a content-derived name into `max` characters. Names that fit are returned as they
 * are; longer ones keep a readable prefix and end in a hash of the whole name, so two long
 * names never collide by truncation and the same input always gives the same name.
 */
export function stableName(full: string, max: number, hashLength = 8): string {
  if (full.length <= max) return full;
  const prefix = full.slice(0, max - hashLength - 1).replace(/[-_.]+$/, "");
  return `${prefix}-${shortHash(full, hashLength)}`;
}
