/**
 * The stack's configuration keys, validated before any resource is registered. Errors name
 * the key as `pulumi config set` spells it.
 */
import { z } from "zod";
import { parseCidr } from "../model/cidr";
import { KubeportsError, type InputIssue } from "../model/errors";
import { RANCHER_INSTALLS } from "../model/options";

const cidr = z.string().superRefine((text, ctx) => {
  try {
    parseCidr(text);
  } catch (error) {
    ctx.addIssue({ code: "custom", message: (error as Error).message });
  }
});

/** Every key Pulumi.yaml declares, with its schema. */
export const STACK_CONFIG = {
  cloud: z.enum(["aws", "gcp", "azure"]),
  clusterFile: z.string().min(1),
  networkCidr: cidr,
  existingNetwork: z.string().min(1).optional(),
  existingSubnets: z.array(z.string().min(1)).min(1).optional(),
  resourceGroupName: z.string().min(1).optional(),
  availabilityZones: z.array(z.string().min(1)).min(1).optional(),
  adminCidrs: z.array(cidr).min(1).optional(),
  restrictEgress: z.boolean(),
  rancherInstall: z.enum(RANCHER_INSTALLS).optional(),
  rancherNodesDriverRules: z.boolean(),
  useServiceAccounts: z.boolean(),
  fqdnEgress: z.boolean(),
  namePrefix: z.string().regex(/^[a-z](?:[-a-z0-9]{0,30}[a-z0-9])?$/, "must be 1-32 lower-case letters, digits and hyphens, starting with a letter").optional(),
  adminSshPublicKey: z.string().regex(/^(ssh-(ed25519|rsa)|ecdsa-sha2-nistp\d+) [A-Za-z0-9+/=]+( .*)?$/, "must be an OpenSSH public key line (ssh-ed25519 AAAA... comment)").optional(),
} as const;

type Schema = typeof STACK_CONFIG;
export type StackConfig = { [K in keyof Schema]: z.infer<Schema[K]> };

type Reader = (key: string) => unknown;

/** A config value as Pulumi hands it to a program: structured values are JSON text, plain strings stay strings. */
export function configValue(raw: string | undefined): unknown {
  if (raw === undefined) return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

/**
 * Reads every key through `read` and validates them together. The program reads through
 * `pulumi.Config` (`(key) => configValue(config.get(key))`); `kubeports plan` and `diff` read
 * the stack files without loading Pulumi, so this module imports no Pulumi SDK.
 */
export function readStackConfig(read: Reader, namespace = "kubeports"): StackConfig {
  const issues: InputIssue[] = [];
  const values: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(STACK_CONFIG)) {
    const raw = read(key);
    const result = (schema as z.ZodType).safeParse(raw === undefined ? undefined : raw, { reportInput: true });
    if (result.success) {
      values[key] = result.data;
    } else {
      const issue = result.error.issues[0]!;
      const message =
        raw === undefined
          ? `is required (set it with: pulumi config set ${namespace}:${key} <value>)`
          : issue.code === "invalid_value"
            ? `invalid value ${JSON.stringify(raw)} (allowed: ${issue.values.map((v) => JSON.stringify(v)).join(", ")})`
            : `${issue.message} (got ${JSON.stringify(raw)})`;
      issues.push({ path: `${namespace}:${key}`, message });
    }
  }
  if (issues.length > 0) throw new KubeportsError("Invalid stack configuration", issues);
  return values as StackConfig;
}
