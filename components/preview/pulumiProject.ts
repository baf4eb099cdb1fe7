/**
 * Reads a Pulumi project (Pulumi.yaml) and one stack's config, as the Pulumi CLI would: the
 * runtime and its options, `main`, `stackConfigDir`, project-level config (declarations with
 * types and defaults, and plain values) under the stack's own `Pulumi.<stack>.yaml`.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { KubeportsError } from "../model/errors";
import { knownList } from "../model/suggest";

interface ConfigDeclaration {
  readonly type?: "string" | "integer" | "boolean" | "array" | "object";
  readonly description?: string;
  readonly default?: unknown;
  readonly value?: unknown;
}

/** `runtime.options` of a nodejs project (https://www.pulumi.com/docs/iac/concepts/projects/project-file/). */
export interface NodejsRuntimeOptions {
  /** Compile TypeScript with the project's tsconfig.json (Pulumi's default: true). */
  readonly typescript: boolean;
  /** Extra arguments for node, split on white space (`--import=tsx`, `--max-old-space-size=4096`). */
  readonly nodeargs: readonly string[];
}

export interface PulumiProject {
  readonly dir: string;
  /** The project file's name as found: Pulumi.yaml or Pulumi.yml. */
  readonly file: string;
  readonly name: string;
  readonly runtime: { readonly name: string; readonly options: NodejsRuntimeOptions };
  /** `main` relative to the project; "." (the project directory) when Pulumi.yaml sets none. */
  readonly main: string;
  /** Whether Pulumi.yaml names `main` (otherwise package.json's exports or main choose the entry point). */
  readonly mainSet: boolean;
  readonly stackConfigDir: string;
  readonly config: Readonly<Record<string, ConfigDeclaration>>;
}

const PROJECT_FILES = ["Pulumi.yaml", "Pulumi.yml"];
const DECLARATION_KEYS = new Set(["type", "description", "default", "value", "secret", "items"]);

/** A config entry of Pulumi.yaml: a declaration object, or a plain value for every stack. */
function declaration(entry: unknown): ConfigDeclaration {
  const isDeclaration = entry !== null && typeof entry === "object" && !Array.isArray(entry) && Object.keys(entry).every((key) => DECLARATION_KEYS.has(key));
  return isDeclaration ? (entry as ConfigDeclaration) : { value: entry };
}

function runtimeOf(doc: Record<string, unknown>, file: string): PulumiProject["runtime"] {
  const runtime = doc.runtime;
  const name = typeof runtime === "string" ? runtime : String((runtime as { name?: unknown } | undefined)?.name ?? "");
  const options = (typeof runtime === "object" && runtime !== null ? (runtime as { options?: Record<string, unknown> }).options : undefined) ?? {};
  const nodeargs = typeof options.nodeargs === "string" ? options.nodeargs.split(/\s+/).filter((arg) => arg !== "") : [];
  const typescript = options.typescript === undefined ? true : options.typescript === true || options.typescript === "true";
  if (name === "") throw new KubeportsError("Invalid Pulumi project", [{ path: `${file}: runtime`, message: "is missing (set runtime: nodejs)" }]);
  return { name, options: { typescript, nodeargs } };
}

export function readPulumiProject(dir: string): PulumiProject {
  const found = PROJECT_FILES.find((name) => existsSync(path.join(dir, name)));
  if (!found) {
    throw new KubeportsError("No Pulumi project", [{ path: path.join(dir, "Pulumi.yaml"), message: "not found (run kubeports in the project directory, or give --project <dir>)" }]);
  }
  const doc = (parseYaml(readFileSync(path.join(dir, found), "utf8")) ?? {}) as Record<string, unknown>;
  const config = Object.fromEntries(Object.entries((doc.config ?? {}) as Record<string, unknown>).map(([key, entry]) => [key, declaration(entry)]));
  return {
    dir,
    file: found,
    name: String(doc.name),
    runtime: runtimeOf(doc, found),
    main: typeof doc.main === "string" && doc.main !== "" ? doc.main : ".",
    mainSet: typeof doc.main === "string" && doc.main !== "",
    stackConfigDir: typeof doc.stackConfigDir === "string" ? doc.stackConfigDir : ".",
    config,
  };
}

/** The stack files' directory: `stackConfigDir`, or beside Pulumi.yaml. */
function stackDir(project: PulumiProject): string {
  return path.join(project.dir, project.stackConfigDir);
}

export function listStacks(project: PulumiProject): string[] {
  const dir = stackDir(project);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((file) => /^Pulumi\.(.+)\.ya?ml$/.exec(file)?.[1])
    .filter((name): name is string => name !== undefined)
    .sort();
}

/** `org/project/dev` and `dev` name the same stack file, Pulumi.dev.yaml. */
export function stackFileName(stack: string): string {
  return stack.split("/").pop()!;
}

/** The namespaced key Pulumi uses: project keys get the project's name, provider keys keep theirs. */
function fullKey(project: PulumiProject, key: string): string {
  return key.includes(":") ? key : `${project.name}:${key}`;
}

/**
 * The stack's config as Pulumi hands it to a program: every value a string (structured values
 * as JSON), project defaults and values filled in, declared types checked the way `pulumi up`
 * checks them.
 */
export function readStackConfig(project: PulumiProject, stack: string): Record<string, string> {
  const name = stackFileName(stack);
  const file = [".yaml", ".yml"].map((ext) => path.join(stackDir(project), `Pulumi.${name}${ext}`)).find((candidate) => existsSync(candidate));
  if (!file) {
    const stacks = listStacks(project);
    const where = project.stackConfigDir === "." ? "beside Pulumi.yaml" : `in ${project.stackConfigDir}/`;
    throw new KubeportsError("Unknown stack", [{ path: "stack", message: `no stack "${stack}" ${knownList(name, stacks)}; stack files (Pulumi.<stack>.yaml) live ${where}` }]);
  }
  const doc = (parseYaml(readFileSync(file, "utf8")) ?? {}) as { config?: Record<string, unknown> };
  const values: Record<string, unknown> = {};
  for (const [key, declared] of Object.entries(project.config)) {
    const value = declared.value ?? declared.default;
    if (value !== undefined) values[fullKey(project, key)] = value;
  }
  Object.assign(values, doc.config ?? {});
  const issues = [];
  for (const [key, declared] of Object.entries(project.config)) {
    const value = values[fullKey(project, key)];
    if (value === undefined || declared.type === undefined) continue;
    const ok =
      declared.type === "array" ? Array.isArray(value)
      : declared.type === "integer" ? Number.isInteger(value)
      : declared.type === "object" ? value !== null && typeof value === "object" && !Array.isArray(value)
      : typeof value === declared.type;
    if (!ok) issues.push({ path: `${path.relative(project.dir, file)}: ${fullKey(project, key)}`, message: `expected ${declared.type}, got ${JSON.stringify(value)}` });
  }
  if (issues.length > 0) throw new KubeportsError(`Invalid config for stack "${stack}"`, issues);
  return Object.fromEntries(
    Object.entries(values).map(([key, value]) => [key, typeof value === "string" ? value : JSON.stringify(value)]),
  );
}
