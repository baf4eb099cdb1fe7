/** A resolved layout, compiled; its input errors tied to where the layout came from. */
import { compile } from "../compiler/compile";
import { KubeportsError } from "../model/errors";
import type { Plan } from "../model/plan";
import { SourcedInputError } from "./formatError";
import { type LayoutSource, resolveLayout } from "./resolveLayout";

export function compileLayoutSource(source: LayoutSource): Plan {
  try {
    return compile(source.value);
  } catch (error) {
    if (error instanceof KubeportsError) throw new SourcedInputError(error, source);
    throw error;
  }
}

/** The `<layout>` argument (a file or a stack name), resolved against `cwd` and compiled. */
export function compileSource(argument: string, cwd: string): Plan {
  return compileLayoutSource(resolveLayout(argument, cwd));
}
