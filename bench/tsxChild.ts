/** Runs a bench script in a fresh Node process (TypeScript through tsx) and reads its JSON answer. */
import path from "node:path";
import { runMeasured, type Measured } from "./spawnMeasured";

export const REPO = path.resolve(__dirname, "..");

export interface ChildResult<T> extends Measured {
  readonly answer: T;
}

/** The child prints its answer as one JSON line, last on stdout. */
export async function runChild<T>(script: string, args: readonly string[], nodeFlags: readonly string[] = []): Promise<ChildResult<T>> {
  const measured = await runMeasured(process.execPath, [...nodeFlags, "--import", "tsx", path.join(__dirname, script), ...args], { cwd: REPO });
  const last = measured.stdout.trim().split("\n").pop() ?? "";
  try {
    return { ...measured, answer: JSON.parse(last) as T };
  } catch {
    throw new Error(`${script} ${args.join(" ")} printed no JSON answer; stdout ended with: ${last.slice(0, 500)}`);
  }
}

/** What a child script does last: print its answer for the parent. */
export function answer(value: unknown): void {
  process.stdout.write(`\n${JSON.stringify(value)}\n`);
}
