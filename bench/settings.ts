/**
 * How much each section measures. The full run is sized to finish in about ten minutes on two
 * cores; smoke runs every section once, small, to prove the harness works.
 */
import type { Consumer } from "./typecheck/consumerProject";

export interface Settings {
  readonly smoke: boolean;
  /** Stacks that get mocked runs (rule counts, churn) and preview timings; undefined = all. */
  readonly stacks?: readonly string[];
  readonly previewRuns: number;
  readonly catalogRuns: number;
  readonly synthetic: readonly { readonly groups: number; readonly runs: number }[];
  readonly typecheckRuns: number;
  readonly consumers: readonly Consumer[];
  /** Smoke: only the fastest compiler that is installed. */
  readonly fastestCompilerOnly: boolean;
}

export const FULL: Settings = {
  smoke: false,
  previewRuns: 3,
  catalogRuns: 5,
  synthetic: [
    { groups: 100, runs: 5 },
    { groups: 1000, runs: 3 },
    // One run: compile time grows about quadratically with groups (see RESULTS.md).
    { groups: 10000, runs: 1 },
  ],
  typecheckRuns: 3,
  consumers: ["kubeports", "floor", "naive"],
  fastestCompilerOnly: false,
};

export const SMOKE: Settings = {
  smoke: true,
  stacks: ["apinizer-aws"],
  previewRuns: 1,
  catalogRuns: 1,
  synthetic: [
    { groups: 10, runs: 1 },
    { groups: 100, runs: 1 },
  ],
  typecheckRuns: 1,
  consumers: ["floor"],
  fastestCompilerOnly: true,
};
