/** Reads a Pulumi project (Pulumi.yaml) and one stack's config, as the Pulumi CLI would. */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { KubeportsError } from "../model/errors";
import { knownList } from "../model/suggest";

interface ConfigDeclaration {
  readonly type?: "string" | "integer" | "boolean" | "array";
  readonly description?: string;
  readonly default?: unknown;
}

export interface PulumiProject {
  readonly dir: string;
  readonly name: string;
  readonly main: string;
  readonly stackConfigDir: string;
  readonly config: Readonly<Record<string, ConfigDeclaration>>;
}

export function readPulumiProject(dir: string): PulumiProject {
  const file = path.join(dir, "Pulumi.yaml");
  if (!existsSync(file)) throw new KubeportsError("No Pulumi project", [{ path: file, message: "not found (run kubeports from the project directory)" }]);
  const doc = parseYaml(readFileSync(file, "utf8")) as Record<string, unknown>;
  return {
    dir,
    name: String(doc.name),
    main: String(doc.main ?? "index.ts"),
    stackConfigDir: String(doc.stackConfigDir ?? "."),
    config: (doc.config ?? {}) as Record<string, ConfigDeclaration>,
  };
}

export function listStacks(project: PulumiProject): string[] {
  const dir = path.join(project.dir, project.stackConfigDir);
  return readdirSync(dir)
    .map((file) => /^Pulumi\.(.+)\.yaml$/.exec(file)?.[1])
    .filter((name): name is string => name !== undefined)
    .sort();
}

/** The namespaced key Pulumi uses: project keys get the project's name, provider keys keep theirs. */
function fullKey(project: PulumiProject, key: string): string {
  return key.includes(":") ? key : `${project.name}:${key}`;
}

/**
 * The stack's config as Pulumi hands it to a program: every value a string (structured values
 * as JSON), project defaults filled in, declared types checked the way `pulumi up` checks them.
 */
export function readStackConfig(project: PulumiProject, stack: string): Record<string, string> {
  const file = path.join(project.dir, project.stackConfigDir, `Pulumi.${stack}.yaml`);
  if (!existsSync(file)) {
    const stacks = listStacks(project);
    throw new KubeportsError("Unknown stack", [{ path: "stack", message: `no stack "${stack}" ${knownList(stack, stacks)}; stack files live in ${project.stackConfigDir}/` }]);
  }
  const doc = (parseYaml(readFileSync(file, "utf8")) ?? {}) as { config?: Record<string, unknown> };
  const values: Record<string, unknown> = {};
  for (const [key, declaration] of Object.entries(project.config)) {
    if (declaration.default !== undefined) values[fullKey(project, key)] = declaration.default;
  }
  Object.assign(values, doc.config ?? {});
  const issues = [];
  for (const [key, declaration] of Object.entries(project.config)) {
    const value = values[fullKey(project, key)];
    if (value === undefined || declaration.type === undefined) continue;
    const ok =
      declaration.type === "array" ? Array.isArray(value)
      : declaration.type === "integer" ? Number.isInteger(value)
      : typeof value === declaration.type;
    if (!ok) issues.push({ path: `${path.relative(project.dir, file)}: ${fullKey(project, key)}`, message: `expected ${declaration.type}, got ${JSON.stringify(value)}` });
  }
  if (issues.length > 0) throw new KubeportsError(`Invalid config for stack "${stack}"`, issues);
  return Object.fromEntries(
    Object.entries(values).map(([key, value]) => [key, typeof value === "string" ? value : JSON.stringify(value)]),
  );
}
