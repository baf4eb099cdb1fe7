/** The two TypeScript compilers: the project's TypeScript 6 and TypeScript 7 (native) from bench/tools. */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { REPO } from "../tsxChild";

export interface Compiler {
  readonly label: string;
  readonly tsc: string;
  /** Undefined when it is not installed. */
  readonly version?: string;
}

function compiler(label: string, root: string): Compiler {
  const manifest = path.join(root, "node_modules", "typescript", "package.json");
  const tsc = path.join(root, "node_modules", ".bin", "tsc");
  if (!existsSync(manifest) || !existsSync(tsc)) return { label, tsc };
  return { label, tsc, version: (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version };
}

export function compilers(): Compiler[] {
  return [compiler("TypeScript 6", REPO), compiler("TypeScript 7", path.join(REPO, "bench", "tools"))];
}
