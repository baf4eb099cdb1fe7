/**
 * Runs a Pulumi project's program for one stack under recording mocks, in this process: the
 * entry point Pulumi would run (programEntry.ts), that stack's config, and the program's own
 * `@pulumi/pulumi`. No CLI, no cloud, no credentials: what it returns is the resource tree
 * `pulumi preview` would create, with every input resolved (references show the mock ids).
 *
 * The program is loaded by this process's module loaders: tests run it under vitest, and
 * `kubeports preview` runs it in a child process started with the project's runtime options
 * (previewProcess.ts), as Pulumi's language host does.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { KubeportsError } from "../model/errors";
import { resolveProgramEntry } from "./programEntry";
import { programPulumiSdk, type PulumiSdk } from "./pulumiSdk";
import { installRecordingMocks, type RecordedResource } from "./recordingMocks";
import { readPulumiProject, readStackConfig } from "./pulumiProject";
export interface PreviewResource {
  readonly type: string;
  readonly name: string;
  /** Mock id; null for component resources, which have none. */
  readonly id: string | null;
  readonly parent: string | null;
  readonly inputs: Record<string, unknown>;
  /** Old logical names this resource answers to (Pulumi `aliases`); only when set. */
  readonly aliases?: readonly string[];
  /** Set when the resource is deleted before its replacement is created. */
  readonly deleteBeforeReplace?: boolean;
}

export interface StackPreview {
  readonly stack: string;
  readonly resources: PreviewResource[];
  readonly outputs: Record<string, unknown>;
}

/** Keys sorted at every depth so the JSON is byte-identical run to run. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]));
  }
  return value;
}

function toPreview(resource: RecordedResource): PreviewResource & { urn: string; parentUrn: string | null } {
  return {
    urn: resource.urn,
    parentUrn: resource.parentUrn,
    type: resource.type,
    name: resource.name,
    id: resource.custom ? resource.id : null,
    parent: resource.parent,
    inputs: sortKeys(resource.inputs) as Record<string, unknown>,
    ...(resource.aliases ? { aliases: resource.aliases } : {}),
    ...(resource.deleteBeforeReplace ? { deleteBeforeReplace: true } : {}),
  };
}

type Node = PreviewResource & { readonly urn: string; readonly parentUrn: string | null };

/** Parents before children, siblings by name then type: a stable tree order. */
export function treeOrder(resources: readonly Node[]): PreviewResource[] {
  const byParent = new Map<string | null, Node[]>();
  for (const resource of resources) {
    const list = byParent.get(resource.parentUrn) ?? [];
    list.push(resource);
    byParent.set(resource.parentUrn, list);
  }
  const ordered: PreviewResource[] = [];
  const visit = (parentUrn: string | null) => {
    const children = (byParent.get(parentUrn) ?? []).sort((a, b) => a.name.localeCompare(b.name) || a.type.localeCompare(b.type));
    for (const { urn, parentUrn: _parent, ...child } of children) {
      ordered.push(child);
      visit(urn);
    }
  };
  visit(null);
  return ordered;
}

async function settled(sdk: PulumiSdk): Promise<void> {
  const settings = sdk.require("@pulumi/pulumi/runtime/settings") as { waitForRPCs(): Promise<void> };
  for (let round = 0; round < 3; round++) {
    await settings.waitForRPCs();
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** What the program exports, read as Pulumi reads it: an ES module's default export, or its named exports. */
function programExport(namespace: Record<string, unknown>, esm: boolean, file: string): unknown {
  if (!("default" in namespace)) return namespace;
  if (esm && Object.keys(namespace).length !== 1) {
    throw new KubeportsError("Invalid program exports", [{ path: file, message: "has both a default export and named exports (Pulumi reads either, not both; keep one)" }]);
  }
  return namespace.default;
}

let runs = 0;

/**
 * Runs one stack's program under mocks. Each call installs fresh mocks and re-runs the
 * program; calls must not overlap, because Pulumi's runtime state is process-wide.
 */
export async function previewStack(stack: string, projectDir = process.cwd()): Promise<StackPreview> {
  const project = readPulumiProject(projectDir);
  if (project.runtime.name !== "nodejs") {
    throw new KubeportsError("Unsupported runtime", [{ path: `${project.file}: runtime`, message: `"${project.runtime.name}" (kubeports preview runs nodejs programs, TypeScript or JavaScript)` }]);
  }
  const config = readStackConfig(project, stack);
  const entry = resolveProgramEntry(project);
  const sdk = programPulumiSdk(entry.file);
  const recorder = await installRecordingMocks({ project: project.name, stack, preview: false }, sdk);
  sdk.pulumi.runtime.setAllConfig(config);

  const failures: unknown[] = [];
  const onRejection = (reason: unknown) => failures.push(reason);
  process.on("unhandledRejection", onRejection);
  try {
    // A fresh URL per run: the program runs again even if this process previewed before.
    // A CommonJS program's cache ignores the query: drop it too.
    delete require.cache[entry.file];
    const url = `${pathToFileURL(entry.file).href}?preview=${++runs}`;
    const exported = programExport((await import(url)) as Record<string, unknown>, entry.esm, path.relative(projectDir, entry.file));
    // An exported function is the program's main: Pulumi calls it and awaits what it returns.
    const result: unknown = await (typeof exported === "function" ? (exported as () => unknown)() : exported);
    const outputs = await new Promise<Record<string, unknown>>((resolve) =>
      sdk.pulumi.output(result as Record<string, unknown>).apply((value) => resolve((value ?? {}) as Record<string, unknown>)),
    );
    await settled(sdk);
    if (failures.length > 0) throw failures[0];
    return { stack, resources: treeOrder(recorder.resources.map(toPreview)), outputs: sortKeys(outputs) as Record<string, unknown> };
  } finally {
    process.off("unhandledRejection", onRejection);
  }
}
