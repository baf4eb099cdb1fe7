/** Where the CLI reads and writes: the real process, or buffers in tests. */
export interface CliIo {
  /** Directory relative paths (layout files, --out) resolve against. */
  readonly cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
}

export function processIo(): CliIo {
  return {
    cwd: process.cwd(),
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
  };
}
