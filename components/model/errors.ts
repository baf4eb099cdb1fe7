/** One problem with an input: where it is and what to do about it. */
export interface InputIssue {
  /** Dotted path to the input, for example `layout.groups.workers.roles[0]`. */
  readonly path: string;
  /** What is wrong and how to fix it. */
  readonly message: string;
}

/**
 * Every validation failure in kubeports. All problems are collected before throwing so a
 * user fixes a file once, and nothing is registered with Pulumi while any remain.
 */
export class KubeportsError extends Error {
  /** Every problem found, in input order. */
  readonly issues: readonly InputIssue[];

  constructor(subject: string, issues: readonly InputIssue[]) {
    const lines = issues.map((issue) => `  - ${issue.path}: ${issue.message}`);
    super(`${subject}:\n${lines.join("\n")}`);
    this.name = "KubeportsError";
    this.issues = issues;
  }
}
