/**
 * The report languages and their message catalogs. `--lang` on plan, diff and preview picks
 * one; commands that validate it themselves use parseLang for the same error.
 */
import { KubeportsError } from "../model/errors";
import { en, type Messages } from "./messages.en";
import { ko } from "./messages.ko";

/** The report languages: English and Korean. */
export const LANGS = ["en", "ko"] as const;
/** A report language. */
export type Lang = (typeof LANGS)[number];

const CATALOGS: Readonly<Record<Lang, Messages>> = { en, ko };

export function messagesFor(lang: Lang = "en"): Messages {
  return CATALOGS[lang];
}

export function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}

/** `value` as a Lang, or an error naming the option, the value and the languages there are. */
export function parseLang(value: string, input = "--lang"): Lang {
  if (isLang(value)) return value;
  throw new KubeportsError("Unknown report language", [
    { path: input, message: `"${value}" is not a report language (allowed: ${LANGS.join(", ")}; for example ${input} ko)` },
  ]);
}

export type { Messages } from "./messages.en";
