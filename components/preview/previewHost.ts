/**
 * The child process `kubeports preview` starts (previewProcess.ts), with the project's node
 * arguments and TypeScript loader, in the project's directory: runs the stack's program under
 * mocks and sends the preview, or what went wrong, back over the IPC channel.
 */
import path from "node:path";
import { previewStack, type StackPreview } from "./previewStack";

/** A failure as the parent rebuilds it: input errors keep their issues, others their stack. */
export interface HostFailure {
  readonly name: string;
  readonly message: string;
  readonly stack?: string;
  readonly issues?: readonly { path: string; message: string }[];
}

export type HostReply =
  | { readonly ok: true; readonly preview: StackPreview; readonly sdkCopies: readonly string[] }
  | { readonly ok: false; readonly error: HostFailure };

/**
 * Every `@pulumi/pulumi` package directory this process loaded. One is right: the program's.
 * Two mean the program and a library (or kubeports) resolved different copies, which Pulumi
 * warns against: each copy keeps its own classes, so `instanceof` and patches apply to one only.
 */
function sdkCopies(): string[] {
  const marker = `${path.sep}node_modules${path.sep}@pulumi${path.sep}pulumi${path.sep}`;
  const roots = Object.keys(require.cache)
    .filter((file) => file.includes(marker))
    .map((file) => file.slice(0, file.lastIndexOf(marker) + marker.length - 1));
  return [...new Set(roots)].sort();
}

/** By name and shape, not instanceof: the program may load another copy of kubeports than this host. */
function describeFailure(error: unknown): HostFailure {
  if (!(error instanceof Error)) return { name: "Error", message: String(error) };
  const issues = (error as { issues?: unknown }).issues;
  if (error.name === "KubeportsError" && Array.isArray(issues)) return { name: error.name, message: error.message, issues: issues as HostFailure["issues"] };
  return { name: error.name, message: error.message, ...(error.stack ? { stack: error.stack } : {}) };
}

function reply(message: HostReply): void {
  // Exit once the reply is out: a program may leave timers or sockets open.
  process.send!(message, () => process.exit(0));
}

const [stack, projectDir] = process.argv.slice(2);
previewStack(stack!, projectDir!).then(
  (preview) => reply({ ok: true, preview, sdkCopies: sdkCopies() }),
  (error: unknown) => reply({ ok: false, error: describeFailure(error) }),
);
