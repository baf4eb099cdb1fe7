/** The resource tree of a preview as a terminal table: type, name (indented under its parent), key inputs. */
import type { PreviewResource, StackPreview } from "./previewStack";

/** Inputs that identify what a resource does; tags and long descriptions are left to --format json. */
const HIDDEN = new Set(["tags", "labels", "description", "tagSpecifications"]);
const WIDTH = 110;

function scalar(value: unknown): string | undefined {
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value) && value.every((item) => typeof item !== "object" || item === null)) return value.join(",");
  return undefined;
}

export function keyInputs(resource: PreviewResource): string {
  const parts = Object.keys(resource.inputs)
    .filter((key) => !HIDDEN.has(key))
    .flatMap((key) => {
      const text = scalar(resource.inputs[key]);
      return text === undefined || text === "" ? [] : [`${key}=${text}`];
    });
  const line = parts.join(" ");
  return line.length > WIDTH ? `${line.slice(0, WIDTH - 1)}…` : line;
}

function depths(resources: readonly PreviewResource[]): number[] {
  // Tree order puts each parent before its children; a stack of open ancestors gives the depth.
  const open: string[] = [];
  return resources.map((resource) => {
    while (open.length > 0 && open[open.length - 1] !== resource.parent) open.pop();
    const depth = resource.parent === null ? 0 : open.length;
    if (resource.parent === null) open.length = 0;
    open.push(resource.name);
    return depth;
  });
}

export function previewTable(preview: StackPreview): string {
  const levels = depths(preview.resources);
  const rows = preview.resources.map((resource, index) => [
    resource.type,
    `${"  ".repeat(levels[index]!)}${resource.name}`,
    keyInputs(resource),
  ]);
  const header = ["TYPE", "NAME", "KEY INPUTS"];
  const widths = [0, 1].map((column) => Math.max(header[column]!.length, ...rows.map((row) => row[column]!.length)));
  const format = (row: string[]) => `${row[0]!.padEnd(widths[0]!)}  ${row[1]!.padEnd(widths[1]!)}  ${row[2]}`.trimEnd();
  const counts = new Map<string, number>();
  for (const resource of preview.resources) counts.set(resource.type, (counts.get(resource.type) ?? 0) + 1);
  const summary = [...counts.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([type, count]) => `  ${String(count).padStart(4)}  ${type}`);
  const outputs = Object.entries(preview.outputs).map(([key, value]) => `  ${key}: ${JSON.stringify(value)}`);
  return [
    `Stack ${preview.stack}: ${preview.resources.length} resources to create (offline preview under Pulumi mocks)`,
    "",
    format(header),
    ...rows.map(format),
    "",
    "Resources by type:",
    ...summary,
    "",
    "Outputs:",
    ...outputs,
    "",
  ].join("\n");
}

/** The stable JSON shape: {"stack", "resources": [{type, name, id, parent, inputs}]}. */
export function previewJson(preview: StackPreview): string {
  const resources = preview.resources.map(({ type, name, id, parent, inputs }) => ({ type, name, id, parent, inputs }));
  return `${JSON.stringify({ stack: preview.stack, resources }, null, 2)}\n`;
}
