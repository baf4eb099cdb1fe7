/** A cloud resource as `kubeports preview --format json` prints it; the evaluators read only this. */
export interface CloudResource {
  readonly type: string;
  readonly name: string;
  readonly id: string | null;
  readonly inputs: Readonly<Record<string, unknown>>;
}

export type Json = Readonly<Record<string, unknown>>;

export function obj(value: unknown): Json {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Json) : {};
}

export function list(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

export function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

export function strings(value: unknown): string[] {
  return list(value).filter((item): item is string => typeof item === "string");
}

export function num(value: unknown): number | undefined {
  if (typeof value === "number") return value;
  if (typeof value === "string" && /^-?\d+$/.test(value.trim())) return Number(value);
  return undefined;
}

export function ofType(resources: readonly CloudResource[], ...types: string[]): CloudResource[] {
  return resources.filter((resource) => types.includes(resource.type));
}
