#!/usr/bin/env node
/** The `kubeports` executable: runs the CLI on this process's arguments. Exit codes: see run.ts. */
import { processIo } from "./io";
import { run } from "./run";

// exitCode rather than exit(): lets piped stdout drain before the process ends.
void run(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code;
});
