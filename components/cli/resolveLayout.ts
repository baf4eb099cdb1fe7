/**
 * Turns the `<layout>` argument into a layout value. Each resolver recognises one kind of
 * argument (a layout file, a stack name) and returns undefined for arguments that are not its
 * kind, so resolvers can be tried in order: a file wins over a stack of the same name.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { type LayoutSource, loadLayoutFile } from "../layout/loadLayoutFile";
import { findProjectDir, isStack, stackPlanLayout } from "../stackFiles/stackPlanLayout";
import { KubeportsError } from "../model/errors";

export type { LayoutSource } from "../layout/loadLayoutFile";

export interface LayoutResolver {
  /** What this resolver accepts, for the "not found" message: "a .yaml, .yml or .json layout file". */
  readonly accepts: string;
  resolve(argument: string, cwd: string): LayoutSource | undefined;
}

export const layoutFileResolver: LayoutResolver = {
  accepts: "the path of a .yaml, .yml or .json layout file",
  resolve(argument, cwd) {
    if (!existsSync(path.resolve(cwd, argument))) return undefined;
    const file = loadLayoutFile(argument, cwd);
    return { label: file.file, value: file.value, locate: file.locate };
  },
};

/** Stack names are plain words; anything with a path separator is a file that does not exist. */
const STACK_NAME = /^[A-Za-z0-9_.-]+$/;

/**
 * A stack of the Pulumi project at or above the working directory: the layout its firewall
 * compiles (cluster file plus stack config), built as stacks/program.ts builds it.
 */
export const stackResolver: LayoutResolver = {
  accepts: "the name of a stack of the Pulumi project in or above the working directory",
  resolve(argument, cwd) {
    const projectDir = findProjectDir(cwd);
    if (!projectDir || !STACK_NAME.test(argument) || !isStack(projectDir, argument)) return undefined;
    const { layout } = stackPlanLayout(projectDir, argument);
    return { label: `stack ${argument}`, value: layout, locate: () => undefined };
  },
};

export const LAYOUT_RESOLVERS: readonly LayoutResolver[] = [layoutFileResolver, stackResolver];

export function resolveLayout(argument: string, cwd: string, resolvers: readonly LayoutResolver[] = LAYOUT_RESOLVERS): LayoutSource {
  for (const resolver of resolvers) {
    const source = resolver.resolve(argument, cwd);
    if (source) return source;
  }
  throw new KubeportsError(`Cannot find layout "${argument}"`, [
    {
      path: "<layout>",
      message: `"${argument}" is not ${resolvers.map((r) => r.accepts).join(", nor ")} (check the path; examples are in examples/layouts)`,
    },
  ]);
}
