import type { z } from "zod";
import type { InputIssue } from "../model/errors";

/** `layout.groups.workers.roles[0]` from zod's path array. */
export function formatPath(root: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, key) => (typeof key === "number" ? `${text}[${key}]` : `${text}.${String(key)}`),
    root,
  );
}

function describe(value: unknown): string {
  return value === undefined ? "nothing" : JSON.stringify(value);
}

/** Turns zod's issues into kubeports' "path: what is wrong, what is allowed" lines. */
export function formatZodIssues(root: string, error: z.ZodError): InputIssue[] {
  return error.issues.map((issue) => {
    const path = formatPath(root, issue.path);
    const input = (issue as { input?: unknown }).input;
    switch (issue.code) {
      case "invalid_value":
        return {
          path,
          message: `invalid value ${describe(input)} (allowed: ${issue.values.map((v) => JSON.stringify(v)).join(", ")})`,
        };
      case "invalid_key":
        // A record key (group, cluster or peer name) failed its own check; zod's text alone is "Invalid key in record".
        return { path, message: `invalid name ${describe(input)}: ${issue.issues.map((inner) => inner.message).join("; ")}` };
      case "invalid_type":
        // A schema's own message (component args say what to give) wins over zod's "Invalid input: ...".
        return issue.message.startsWith("Invalid input") ? { path, message: `expected ${issue.expected}, got ${describe(input)}` } : { path, message: issue.message };
      // zod's own wording ("Too big: expected number to be <=255") names neither the value nor what to write.
      case "too_big":
        return issue.message.startsWith("Too big")
          ? { path, message: `${describe(input)} is too big (allowed: at most ${String(issue.maximum)}${issue.origin === "number" ? "" : ` ${issue.origin === "string" ? "characters" : "entries"}`})` }
          : { path, message: issue.message };
      case "too_small":
        return issue.message.startsWith("Too small")
          ? { path, message: `${describe(input)} is too small (allowed: at least ${String(issue.minimum)}${issue.origin === "number" ? "" : ` ${issue.origin === "string" ? "characters" : "entries"}`})` }
          : { path, message: issue.message };
      default:
        return { path, message: issue.message };
    }
  });
}
