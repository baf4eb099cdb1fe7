/**
 * Vitest global setup: `npm run build` once before any test file, so the tests that run the
 * built package (the CLI as installed, the packed tarball, the policy pack, the bench's start-up
 * timing) read one up-to-date dist/ and never build it concurrently. `tsc -b` skips an
 * up-to-date build in a few seconds.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";

export default function buildPackage(): void {
  execFileSync("npm", ["run", "build", "--silent"], { cwd: path.resolve(__dirname, "../.."), stdio: ["ignore", "ignore", "inherit"] });
}
