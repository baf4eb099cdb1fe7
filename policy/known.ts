/**
 * At preview the engine hands policies proxies that throw on unknown values (another
 * resource's output). A resource policy may let that throw: the engine turns it into a
 * "can't run during preview" note for that resource. A stack policy must not: one unknown
 * id would stop the check for every group, so it reads through `known`.
 */
import * as policySdk from "@pulumi/policy";

// Exported at run time (index.js) but left out of the package's type declarations.
const UnknownValueError = (policySdk as unknown as { UnknownValueError?: new (...args: never[]) => Error }).UnknownValueError;

export function isUnknownValueError(error: unknown): boolean {
  return UnknownValueError !== undefined && error instanceof UnknownValueError;
}

/** The value `read` returns, or undefined if it touches a value unknown at preview. */
export function known<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch (error) {
    if (isUnknownValueError(error)) return undefined;
    throw error;
  }
}

/**
 * Whether `props` sets `key`: stack policies see outputs, where a bridged provider may report an
 * unset field as null or "". A value unknown at preview is set (it is being computed), and
 * telling so does not need the value itself.
 */
export function present(props: Record<string, unknown>, key: string): boolean {
  if (!(key in props)) return false;
  try {
    const value = props[key];
    return value !== null && value !== undefined && value !== "";
  } catch (error) {
    if (isUnknownValueError(error)) return true;
    throw error;
  }
}
