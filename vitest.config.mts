import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // dist/ built once, before the files that run the package as installed.
    globalSetup: ["test/support/buildPackage.ts"],
    // Pulumi mocks are process-global state: each test file gets its own process.
    pool: "forks",
    // CI machines have 2 cores; the default leaves one idle.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
