/** Clouds `kubeports diff --steps --cloud` translates layout files for (no Pulumi import here). */
export const STEP_CLOUDS = ["aws", "azure", "gcp"] as const;
export type StepCloud = (typeof STEP_CLOUDS)[number];
