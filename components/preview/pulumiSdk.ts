/**
 * The `@pulumi/pulumi` a program uses. Mocks live in the SDK module's own state, so they must be
 * installed in the very copy the program imports: the one Node resolves from the program's entry
 * point, as Pulumi's language host resolves it. kubeports' own copy is used only when the
 * program's directory resolves none.
 */
import { createRequire } from "node:module";
import type * as pulumi from "@pulumi/pulumi";

export interface PulumiSdk {
  readonly pulumi: typeof pulumi;
  /** Requires modules of that same SDK copy (`@pulumi/pulumi/runtime/settings`). */
  readonly require: NodeJS.Require;
  /** Where the SDK was loaded from (its package directory's index file). */
  readonly location: string;
}

function sdkAt(requireFrom: NodeJS.Require): PulumiSdk {
  const location = requireFrom.resolve("@pulumi/pulumi");
  const own = createRequire(location);
  return { pulumi: own("@pulumi/pulumi") as typeof pulumi, require: own, location };
}

/** kubeports' own SDK (what tests and in-repo tools use). */
export function ownPulumiSdk(): PulumiSdk {
  return sdkAt(require);
}

/** The SDK the program at `entryFile` imports, or kubeports' own when it resolves none. */
export function programPulumiSdk(entryFile: string): PulumiSdk {
  try {
    return sdkAt(createRequire(entryFile));
  } catch {
    return ownPulumiSdk();
  }
}
