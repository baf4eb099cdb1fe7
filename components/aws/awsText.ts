/**
 * AWS's text rules for security groups: the characters rule descriptions, group names and
 * group descriptions may hold, and the length limits of descriptions and tags. Text that
 * breaks them is transliterated where a faithful ASCII form exists and rejected otherwise,
 * so nothing AWS would refuse (or silently mangle) is ever sent.
 */

/** Rule descriptions: a-zA-Z0-9, space and ._-:/()#,@[]+=;{}!$* (`&` only on some calls). */
export const RULE_DESCRIPTION_CHARS = /^[a-zA-Z0-9 ._\-:/()#,@[\]+=;{}!$*]*$/;
/** Group names and group descriptions also accept `&`. */
export const GROUP_TEXT_CHARS = /^[a-zA-Z0-9 ._\-:/()#,@[\]+=&;{}!$*]*$/;
/** Longest description AWS accepts on a security group rule. */
export const RULE_DESCRIPTION_MAX = 255;
export const GROUP_NAME_MAX = 255;
export const GROUP_DESCRIPTION_MAX = 255;
export const TAG_KEY_MAX = 128;
export const TAG_VALUE_MAX = 256;
export const TAGS_PER_RESOURCE_MAX = 50;

/** Readable ASCII for symbols vendor pages use; longer sequences first. */
const REPLACEMENTS: readonly (readonly [RegExp, string])[] = [
  [/<->|↔|⇔/g, " to/from "],
  [/->|→|=>|⇒/g, " to "],
  [/<-|←|⇐/g, " from "],
  [/&/g, " and "],
  [/[‘’'`´"“”„«»]/g, ""],
  [/[<‹]/g, "("],
  [/[>›]/g, ")"],
  [/[–—‐‑−~]/g, "-"],
  [/[|\\]/g, "/"],
  [/…/g, "..."],
  [/[×]/g, "x"],
  [/%/g, " percent"],
  [/[·•]/g, "-"],
  [/[?^©®™°]/g, ""],
  [/ß/g, "ss"],
  [/[æÆ]/g, "ae"],
  [/[œŒ]/g, "oe"],
  [/[øØ]/g, "o"],
  [/[đĐ]/g, "d"],
  [/[łŁ]/g, "l"],
  [/[þÞ]/g, "th"],
  [/\s+/g, " "],
];

export interface CleanText {
  readonly text: string;
  /** Characters that have no ASCII form here; non-empty means the text must be rejected. */
  readonly rejected: readonly string[];
}

/**
 * Transliterates `text` into `allowed`: diacritics are stripped (é -> e), symbols get their
 * ASCII reading (→ -> "to", & -> "and" when `&` is not allowed), and anything left that
 * `allowed` refuses (CJK, Cyrillic, emoji) is reported instead of dropped.
 */
export function cleanText(text: string, allowed: RegExp = RULE_DESCRIPTION_CHARS): CleanText {
  const out = transliterate(text, allowed).replace(/ {2,}/g, " ").trim();
  // Report the characters as the user wrote them, not as decomposed (Hangul into jamo).
  const rejected = [...new Set([...text.normalize("NFC")].filter((char) => [...transliterate(char, allowed)].some((c) => !allowed.test(c))))];
  return { text: out, rejected };
}

function transliterate(text: string, allowed: RegExp): string {
  let out = text.normalize("NFKD").replace(/\p{M}+/gu, "");
  for (const [pattern, replacement] of REPLACEMENTS) {
    if (replacement === " and " && allowed.test("&")) continue;
    out = out.replace(pattern, replacement);
  }
  return out;
}

/** `"가" (U+AC00)` for error messages. */
export function describeChars(chars: readonly string[]): string {
  return chars
    .map((char) => `"${char}" (U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")})`)
    .join(", ");
}

const TRUNCATED = " ... (truncated)";

/**
 * Fits a description into `max` characters at a word boundary, marking the cut so a reader
 * knows to look at the full summary. Deterministic: the same text always gives the same cut.
 */
export function fitDescription(text: string, max = RULE_DESCRIPTION_MAX): string {
  if (text.length <= max) return text;
  const room = text.slice(0, max - TRUNCATED.length);
  const cut = room.lastIndexOf(" ");
  return `${(cut > room.length / 2 ? room.slice(0, cut) : room).replace(/[ ;,]+$/, "")}${TRUNCATED}`;
}
