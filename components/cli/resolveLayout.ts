/**
 * Turns the `<layout>` argument into a layout value. Each resolver recognises one kind of
 * argument (a file today; a stack name is meant to become a second resolver) and returns
 * undefined for arguments that are not its kind, so resolvers can be tried in order.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { type FilePosition, loadLayoutFile } from "../layout/loadLayoutFile";
import { KubeportsError } from "../model/errors";

export interface LayoutSource {
  /** What the user gave (a file path), for messages. */
  readonly label: string;
  /** The unvalidated layout; compile() checks it. */
  readonly value: unknown;
  /** Where an issue path points in the source, when the source is a text the user can open. */
  locate(issuePath: string): FilePosition | undefined;
}

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

export const LAYOUT_RESOLVERS: readonly LayoutResolver[] = [layoutFileResolver];

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
