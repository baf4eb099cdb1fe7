/**
 * Zod building blocks for checking component args at runtime, for JavaScript (and YAML,
 * Python, ...) callers that TypeScript's types do not protect. Each check says the field, the
 * value, the type expected and a fix; `Input<T>` fields also take a Pulumi Output or a Promise.
 */
import { z } from "zod";
import { isDeferred } from "../firewall/peerInputs";
import { KubeportsError } from "../model/errors";
import { knownList } from "../model/suggest";
import { formatZodIssues } from "../layout/formatZodIssues";

/** `42 (a number)`, `"x" (a string)`, `[1] (an array)`, `nothing`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (isDeferred(value)) return "a Pulumi Output or Promise (this field needs a plain value, known before deployment)";
  if (Array.isArray(value)) return `an array ${truncate(JSON.stringify(value))}`;
  if (typeof value === "object") return `an object ${truncate(safeJson(value))}`;
  if (typeof value === "function") return "a function";
  const text = typeof value === "bigint" ? `${value}n` : JSON.stringify(value) ?? String(value);
  return `${truncate(text)} (${typeof value === "string" ? "a string" : typeof value === "number" ? "a number" : `a ${typeof value}`})`;
}

function safeJson(value: object): string {
  try {
    return JSON.stringify(value) ?? "{}";
  } catch {
    return "{...}";
  }
}

function truncate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** A value that must pass `accept`; otherwise "expected <expected>, got <value>; <fix>". */
function typed(accept: (value: unknown) => boolean, expected: string, fix: string) {
  return z.unknown().superRefine((value, ctx) => {
    if (!accept(value)) ctx.addIssue({ code: "custom", message: `expected ${expected}, got ${describeValue(value)}; ${fix}` });
  });
}

const isString = (value: unknown) => typeof value === "string";
const isPlainObject = (value: unknown) => typeof value === "object" && value !== null && !Array.isArray(value) && !isDeferred(value);

export const arg = {
  string: (fix: string) => typed(isString, "a string", fix),
  /** `pulumi.Input<string>`: a string, an Output of one or a Promise of one. */
  inputString: (fix: string) => typed((value) => isString(value) || isDeferred(value), "a string (or a Pulumi Output or Promise of one)", fix),
  boolean: (fix: string) => typed((value) => typeof value === "boolean", "true or false", fix),
  integer: (range: { min: number; max: number }, fix: string) =>
    typed(
      (value) => typeof value === "number" && Number.isInteger(value) && value >= range.min && value <= range.max,
      `a whole number from ${range.min} to ${range.max}`,
      fix,
    ),
  stringList: (fix: string) => typed((value) => Array.isArray(value) && value.every(isString), "a list of strings", fix),
  /** `pulumi.Input<string>[]`: a list whose entries are each a string, an Output of one or a Promise of one. */
  inputStringList: (fix: string) =>
    z.unknown().superRefine((value, ctx) => {
      if (!Array.isArray(value)) {
        ctx.addIssue({ code: "custom", message: `expected a list of strings, got ${describeValue(value)}; ${fix}` });
        return;
      }
      value.forEach((entry, index) => {
        if (isString(entry) || isDeferred(entry)) return;
        ctx.addIssue({ code: "custom", path: [index], message: `expected a string (or a Pulumi Output or Promise of one), got ${describeValue(entry)}; ${fix}` });
      });
    }),
  /** Objects checked field by field later (the layout, a plan): only "is an object" here. */
  object: (fix: string) => typed(isPlainObject, "an object", fix),
};

/** A record of `value` keyed by name; not an object -> one clear message. */
export function argRecord<T extends z.ZodType>(value: T, expected: string, fix: string) {
  return z.record(z.string(), value, {
    error: (issue) => (issue.code === "invalid_type" ? `expected ${expected}, got ${describeValue(issue.input)}; ${fix}` : undefined),
  });
}

/** An object with exactly these fields; unknown ones are listed with the known ones. */
export function argObject<T extends z.ZodRawShape>(shape: T, expected: string, fix: string) {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code === "unrecognized_keys") {
        return `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")} ${knownList(issue.keys[0] ?? "", known)}`;
      }
      if (issue.code === "invalid_type") return `expected ${expected}, got ${describeValue(issue.input)}; ${fix}`;
      return undefined;
    },
  });
}

/** Runs `schema` over a component's args; throws every problem at once, before anything is registered. */
export function checkArgs(schema: z.ZodType, subject: string, args: unknown): void {
  const result = schema.safeParse(args, { reportInput: true });
  if (!result.success) throw new KubeportsError(subject, formatZodIssues("args", result.error));
}
