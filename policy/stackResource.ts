/**
 * The part of @pulumi/policy's PolicyResource the stack checks read, so they can be called
 * with plain objects in tests and with the engine's resources in a stack.
 */
export interface StackResource {
  readonly type: string;
  readonly props: Record<string, unknown>;
  readonly urn: string;
  readonly name: string;
  /** Resources each input was computed from: how a rule finds its group at preview, before ids exist. */
  readonly propertyDependencies?: Readonly<Record<string, readonly StackResource[]>>;
}

/** What a stack check reports; no urn means the stack as a whole. */
export interface StackFinding {
  readonly message: string;
  readonly urn?: string;
}
