/**
 * A throwaway copy of the Pulumi project whose stack runs the repository's program on an edited
 * cluster file: Pulumi.yaml with `main` pointing at the repository's stacks/program.ts, the
 * stacks' YAML (configs and cluster files), and the stack's clusterFile set to the copy by
 * absolute path (the program resolves relative cluster files against its own directory).
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse, stringify } from "yaml";

export function writeTempProject(repo: string, root: string, stack: string, clusterFile: unknown): string {
  const dir = mkdtempSync(path.join(root, `${stack}-`));
  const project = parse(readFileSync(path.join(repo, "Pulumi.yaml"), "utf8")) as Record<string, unknown>;
  writeFileSync(path.join(dir, "Pulumi.yaml"), stringify({ ...project, main: path.join(repo, String(project.main)) }));
  cpSync(path.join(repo, "stacks"), path.join(dir, "stacks"), { recursive: true, filter: (source) => !source.endsWith(".ts") });

  const clusterPath = path.join(dir, "stacks", "clusters", `${stack}.yaml`);
  mkdirSync(path.dirname(clusterPath), { recursive: true });
  writeFileSync(clusterPath, stringify(clusterFile));
  const configPath = path.join(dir, String(project.stackConfigDir ?? "."), `Pulumi.${stack}.yaml`);
  const config = parse(readFileSync(configPath, "utf8")) as { config: Record<string, unknown> };
  config.config[`${String(project.name)}:clusterFile`] = clusterPath;
  writeFileSync(configPath, stringify(config));
  return dir;
}
