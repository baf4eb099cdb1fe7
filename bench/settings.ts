/**
 * How much each section measures. The full run is sized to finish in about ten minutes on two
 * cores; smoke runs every section once, small, to prove the harness works.
 */
/**
 * How much each section measures. The full run is sized to finish in under five minutes on two
 * cores; smoke runs every section once, small, to prove the harness works.
 */
import type { Cloud } from "./layouts/stackLayouts";

export interface Settings {
  readonly smoke: boolean;
  /** Stacks that get mocked runs (rule counts, churn) and preview timings; undefined = all. */
  readonly stacks?: readonly string[];
  /** Churn edits to run (ids from churn/churnEdits.ts); undefined = all. */
  readonly churnEdits?: readonly string[];
  /** Interleaved rounds of (reference process, each stack's preview). */
  readonly previewRuns: number;
  /** Interleaved rounds of (reference layout, catalog, each synthetic size) in one process. */
  readonly compileRounds: number;
  /** Node groups of the synthetic layouts, smallest first (growth is measured between neighbours). */
  readonly synthetic: readonly number[];
  /** Interleaved rounds of (floor, kubeports) consumer type-checks per cloud. */
  readonly typecheckRuns: number;
  /** Clouds whose subpath (kubeports/aws, ...) is type-checked against its floor. */
  readonly typecheckClouds: readonly Cloud[];
  /** Interleaved rounds of (bare node, kubeports CLI). */
  readonly cliRuns: number;
  /** Build the package (npm run build) for the consumer type-check and the CLI; smoke uses an existing dist/ or skips. */
  readonly build: boolean;
}

export const FULL: Settings = {
  smoke: false,
  previewRuns: 2,
  compileRounds: 3,
  synthetic: [3000, 30000],
  typecheckRuns: 2,
  typecheckClouds: ["aws", "gcp", "azure"],
  cliRuns: 5,
  build: true,
};

export const SMOKE: Settings = {
  smoke: true,
  stacks: ["apinizer-aws"],
  churnEdits: ["add-port"],
  previewRuns: 1,
  compileRounds: 1,
  synthetic: [100, 1000],
  typecheckRuns: 1,
  typecheckClouds: [],
  cliRuns: 1,
  build: false,
};
