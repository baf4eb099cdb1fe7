/**
 * The file a Pulumi nodejs project runs, found the way Pulumi's language host finds it
 * (@pulumi/pulumi cmd/run): Pulumi.yaml `main` relative to the project (default: the project
 * directory); without `main`, package.json `exports` or `main`; a directory runs its
 * package.json `main` or its index file (index.js before index.ts, as Node's require does).
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { KubeportsError } from "../model/errors";
import type { PulumiProject } from "./pulumiProject";

export interface ProgramEntry {
  /** The program's entry file. */
  readonly file: string;
  /** The nearest directory at or above the program with a package.json (the project root otherwise). */
  readonly packageRoot: string;
  /** An ES module program (package.json `type: module`, or an .mjs/.mts entry). */
  readonly esm: boolean;
}

interface PackageJson {
  readonly type?: string;
  readonly main?: string;
  readonly exports?: string | Record<string, string | Record<string, string>>;
}

const isDir = (p: string) => existsSync(p) && statSync(p).isDirectory();
const isFile = (p: string) => existsSync(p) && statSync(p).isFile();

function readPackage(dir: string): PackageJson {
  try {
    return JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as PackageJson;
  } catch {
    return {};
  }
}

function packageRootOf(program: string, fallback: string): string {
  for (let dir = isDir(program) ? program : path.dirname(program); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "package.json"))) return dir;
    if (path.dirname(dir) === dir) return fallback;
  }
}

/** package.json's own entry point, when Pulumi.yaml names no `main`. */
function packageEntry(pkg: PackageJson): string | undefined {
  if (typeof pkg.exports === "string") return pkg.exports;
  const dot = pkg.exports?.["."];
  if (typeof dot === "string") return dot;
  if (dot) return dot.default ?? dot.require ?? dot.import;
  return pkg.main;
}

/** A path as Node would load it: the file, the file with an extension, or a directory's entry. */
function fileOf(target: string, esm: boolean): string | undefined {
  if (isFile(target)) return target;
  for (const ext of [".js", ".ts", ".mjs", ".mts", ".cjs", ".cts"]) if (isFile(target + ext)) return target + ext;
  if (!isDir(target)) return undefined;
  const main = readPackage(target).main;
  const fromMain = main ? fileOf(path.join(target, main), esm) : undefined;
  if (fromMain) return fromMain;
  const indexes = esm ? ["index.js", "index.mjs", "index.ts", "index.mts"] : ["index.js", "index.ts", "index.cjs", "index.cts"];
  return indexes.map((name) => path.join(target, name)).find(isFile);
}

export function resolveProgramEntry(project: PulumiProject): ProgramEntry {
  let program = path.resolve(project.dir, project.main);
  const packageRoot = packageRootOf(program, isDir(program) ? program : path.dirname(program));
  const pkg = readPackage(packageRoot);
  if (!project.mainSet) {
    const entry = packageEntry(pkg);
    if (entry && existsSync(path.join(packageRoot, entry))) program = path.join(packageRoot, entry);
  }
  const moduleType = pkg.type === "module";
  const file = fileOf(program, moduleType);
  if (!file) {
    throw new KubeportsError("Cannot find the program", [
      {
        path: `${project.file}: main`,
        message: `"${project.main}" (${program}) has no entry point (set main in ${project.file} to the program file, e.g. index.ts, or add index.ts to the project)`,
      },
    ]);
  }
  return { file, packageRoot, esm: moduleType ? !/\.c[jt]s$/.test(file) : /\.m[jt]s$/.test(file) };
}

/** The tsconfig.json the program is compiled with: PULUMI_NODEJS_TSCONFIG_PATH, or the project's tsconfig.json when it has one. */
export function projectTsconfig(project: PulumiProject, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const configured = env.PULUMI_NODEJS_TSCONFIG_PATH;
  if (configured) {
    const file = path.resolve(project.dir, configured);
    if (!isFile(file)) {
      throw new KubeportsError("Cannot find the tsconfig", [{ path: "PULUMI_NODEJS_TSCONFIG_PATH", message: `"${configured}" does not exist (unset it, or point it at the project's tsconfig file)` }]);
    }
    return file;
  }
  const file = path.join(project.dir, "tsconfig.json");
  return isFile(file) ? file : undefined;
}
