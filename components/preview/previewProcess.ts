/**
 * `kubeports preview` runs the program the way Pulumi's nodejs language host does: a fresh
 * `node` with the project's `runtime.options.nodeargs`, TypeScript compiled with the project's
 * tsconfig.json unless `runtime.options.typescript` is false, the working directory at the
 * project, and the program's own `@pulumi/pulumi` (previewStack.ts, in previewHost.ts).
 *
 * TypeScript is compiled by tsx (esbuild, no type-check), where Pulumi uses ts-node: type errors
 * do not stop a preview; `tsc --noEmit` reports them.
 */
import { fork } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { KubeportsError } from "../model/errors";
import type { HostFailure, HostReply } from "./previewHost";
import type { StackPreview } from "./previewStack";
import { projectTsconfig } from "./programEntry";
import { readPulumiProject, readStackConfig, type PulumiProject } from "./pulumiProject";

/** The program failed (it threw, or its process died): not a kubeports bug, not invalid input of kubeports'. */
export class ProgramFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ProgramFailure";
  }
}

/** Node's error for a .ts file with no TypeScript loader registered. */
const NO_TS_LOADER = /ERR_UNKNOWN_FILE_EXTENSION|Unknown file extension "\.[cm]?ts"/;

function rebuild(error: HostFailure, project: PulumiProject): Error {
  if (error.issues) return new KubeportsError(error.message.split("\n", 1)[0]!.replace(/:$/, ""), error.issues);
  const hint = NO_TS_LOADER.test(`${error.message}${error.stack ?? ""}`) && !project.runtime.options.typescript
    ? `\n(${project.file} sets runtime.options.typescript: false and its nodeargs load no TypeScript loader: remove that option, or add nodeargs: "--import=tsx")`
    : "";
  return new ProgramFailure(`running the program failed with an unhandled exception:\n${error.stack ?? `${error.name}: ${error.message}`}${hint}`);
}

/** The host is TypeScript when kubeports itself runs from source (tests, `npm run kubeports`). */
const HOST = path.join(__dirname, `previewHost${path.extname(__filename)}`);

export interface PreviewProcessOptions {
  /** Where the program's own console output goes (Pulumi shows it as diagnostics). */
  readonly output: (text: string) => void;
}

export function previewInChild(stack: string, projectDir: string, options: PreviewProcessOptions): Promise<StackPreview> {
  const project = readPulumiProject(projectDir);
  // Checked here as well as in the child: a wrong stack or config fails before any process starts.
  readStackConfig(project, stack);
  const { typescript, nodeargs } = project.runtime.options;
  const tsconfig = typescript ? projectTsconfig(project) : undefined;
  const loader = typescript || HOST.endsWith(".ts") ? [`--import=${pathToFileURL(require.resolve("tsx")).href}`] : [];
  const child = fork(HOST, [stack, path.resolve(projectDir)], {
    cwd: projectDir,
    execArgv: [...loader, ...nodeargs],
    env: { ...process.env, ...(tsconfig ? { TSX_TSCONFIG_PATH: tsconfig } : {}) },
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  const forward = (chunk: Buffer) => options.output(chunk.toString());
  child.stdout!.on("data", forward);
  child.stderr!.on("data", forward);
  return new Promise((resolve, reject) => {
    let answer: HostReply | undefined;
    child.on("message", (message) => (answer = message as HostReply));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      if (answer?.ok) {
        if (answer.sdkCopies.length > 1) {
          options.output(`kubeports: warning: the program loaded ${answer.sdkCopies.length} copies of @pulumi/pulumi (${answer.sdkCopies.join(", ")}); install one (npm dedupe)\n`);
        }
        return resolve(answer.preview);
      }
      if (answer) return reject(rebuild(answer.error, project));
      reject(new ProgramFailure(`the program's process ended (${signal ?? `exit code ${code}`}) before the preview was complete (its output is above)`));
    });
  });
}
