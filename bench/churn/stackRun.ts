/** What the stack-runs child reports for one stack. */
import type { ComponentRules } from "../rules/registeredRules";
import type { EditId } from "./churnEdits";
import type { Churn } from "./previewDiff";

export type EditResult = { readonly id: EditId; readonly description: string; readonly churn: Churn } | { readonly id: EditId; readonly skipped: string };

export interface StackRun {
  readonly stack: string;
  /** Every resource the unedited stack registered. */
  readonly resources: number;
  readonly components: readonly ComponentRules[];
  readonly edits: readonly EditResult[];
}
