/**
 * The child process `kubeports preview` starts (previewProcess.ts), with the project's node
 * arguments and TypeScript loader, in the project's directory: runs the stack's program under
 * mocks and sends the preview, or what went wrong, back over the IPC channel.
 */
import { previewStack, type StackPreview } from "./previewStack";

/** A failure as the parent rebuilds it: input errors keep their issues, others their stack. */
export interface HostFailure {
  readonly name: string;
  readonly message: string;
  readonly stack?: string;
  readonly issues?: readonly { path: string; message: string }[];
}

export type HostReply = { readonly ok: true; readonly preview: StackPreview } | { readonly ok: false; readonly error: HostFailure };

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
  (preview) => reply({ ok: true, preview }),
  (error: unknown) => reply({ ok: false, error: describeFailure(error) }),
);
