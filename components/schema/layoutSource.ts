/**
 * Where a multi-language component's rules come from: a layout object, a layout file, or the
 * JSON of an already compiled plan. Exactly one; the TypeScript component then compiles or
 * takes it as usual, so every later check and message is the one TypeScript users get.
 */
import { loadLayoutFile } from "../layout/loadLayoutFile";
import { KubeportsError, type InputIssue } from "../model/errors";
import type { Layout as TypedLayout } from "../model/layout";
import type { Plan } from "../model/plan";
import type { Layout } from "./layout";

/** The source arguments every multi-language cloud component takes (documented on each component). */
export interface LayoutSourceInput {
  layout?: Layout;
  layoutFile?: string;
  planJson?: string;
}

/** What the TypeScript component receives instead: its own `layout` or `plan`. */
export interface TypedSource {
  layout?: TypedLayout;
  plan?: Plan;
}

const SOURCES = ["layout", "layoutFile", "planJson"] as const;

/** Resolves the one given source; `component` and `name` only label the error. */
export function typedSource(component: string, name: string, args: LayoutSourceInput): TypedSource {
  const given = SOURCES.filter((key) => args?.[key] !== undefined);
  const fail = (issues: InputIssue[]): never => {
    throw new KubeportsError(`Invalid arguments for ${component} "${name}"`, issues);
  };
  if (given.length !== 1) {
    fail([{ path: "args", message: `${given.length === 0 ? "none" : given.join(" and ")} given; give exactly one of layout (an object), layoutFile (a .yaml or .json path) or planJson (\`kubeports plan --format json\` output)` }]);
  }
  if (args.layout !== undefined) return { layout: args.layout as unknown as TypedLayout };
  if (args.layoutFile !== undefined) {
    // Relative to where `pulumi` runs (the project directory), which is the plugin's working directory.
    return { layout: loadLayoutFile(args.layoutFile, process.cwd()).value as TypedLayout };
  }
  try {
    return { plan: JSON.parse(args.planJson!) as Plan };
  } catch (error) {
    return fail([{ path: "args.planJson", message: `is not JSON (${(error as Error).message}); give the text \`kubeports plan <layout> --format json\` prints` }]);
  }
}

