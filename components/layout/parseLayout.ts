import { KubeportsError } from "../model/errors";
import type { Layout } from "../model/layout";
import { formatZodIssues } from "./formatZodIssues";
import { layoutSchema } from "./schema";

/** Checks any value (a parsed file, component args) against the layout schema. */
export function parseLayout(input: unknown, root = "layout"): Layout {
  const result = layoutSchema.safeParse(input, { reportInput: true });
  if (!result.success) {
    throw new KubeportsError(`Invalid layout`, formatZodIssues(root, result.error));
  }
  return result.data as Layout;
}
