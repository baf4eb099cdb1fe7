/**
 * The layout file and component-argument schema. Structural checks live here (types, enums,
 * unknown keys, port and CIDR syntax); cross-references (roles, peers, clusters) are checked
 * by the compiler against the chosen profiles.
 */
import { z } from "zod";
import { OPTION_INFO, type OptionName } from "../model/options";
import { PROTOCOLS } from "../model/protocol";
import { parsePortSpec } from "../model/ports";
import { parseCidr } from "../model/cidr";
import { knownList } from "../model/suggest";
import { COMPLETENESS_MODES } from "../model/layout";

/** An object that rejects unknown keys with the list of known ones. */
function strict<T extends z.ZodRawShape>(shape: T) {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")} ${knownList(issue.keys[0] ?? "", known)}`
        : undefined,
  });
}

export const GROUP_NAME = /^[a-z](?:[a-z0-9-]{0,30}[a-z0-9])?$/;
const groupName = z
  .string()
  .regex(GROUP_NAME, "must be lower-case letters, digits and hyphens, start with a letter, end with a letter or digit, at most 32 characters (for example \"workers\")");

const cidr = z.string().superRefine((text, ctx) => {
  try {
    parseCidr(text);
  } catch (error) {
    ctx.addIssue({ code: "custom", message: (error as Error).message });
  }
});

const portSpec = z.union([z.string(), z.array(z.string()).min(1)]).superRefine((spec, ctx) => {
  try {
    parsePortSpec(spec);
  } catch (error) {
    ctx.addIssue({ code: "custom", message: `${(error as Error).message}; ports must be within 1-65535` });
  }
});

const party = z.union(
  [
    strict({ role: z.string().min(1), cluster: z.string().optional() }),
    strict({ nodes: z.literal(true), cluster: z.string().optional() }),
    strict({ group: z.string().min(1) }),
    strict({ peer: z.string().min(1) }),
    strict({ cidrs: z.array(cidr).min(1), label: z.string().min(1) }),
    strict({ hosts: z.array(z.string().min(1)).min(1) }),
  ],
  {
    error: () =>
      'must be one of { role: "<role>" }, { group: "<group>" }, { nodes: true }, { peer: "<peer>" }, { cidrs: [...], label: "..." }, { hosts: [...] }',
  },
);

const customRule = strict({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "must be lower-case letters, digits and hyphens"),
  description: z.string().min(1),
  protocols: z.array(z.enum(PROTOCOLS)).min(1),
  ports: portSpec.optional(),
  icmp: strict({ type: z.number().int().min(0).max(255), code: z.number().int().min(0).max(255).optional() }).optional(),
  from: z.array(party).min(1),
  to: party,
  allowInternet: z
    .string()
    .refine((reason) => reason.trim().length > 0, "give the reason in words (for example \"lab cluster without a firewall in front\"), or remove allowInternet")
    .optional(),
});

function optionSchema(name: OptionName): z.ZodType {
  const values = OPTION_INFO[name].values;
  if (!values) return z.boolean();
  const literals = values.map((value) => z.literal(value));
  return z.union(literals as unknown as [z.ZodLiteral, z.ZodLiteral, ...z.ZodLiteral[]], {
    error: (issue) => `invalid value ${JSON.stringify(issue.input)} (allowed: ${values.map((v) => JSON.stringify(v)).join(", ")})`,
  });
}

const options = strict(
  Object.fromEntries((Object.keys(OPTION_INFO) as OptionName[]).map((name) => [name, optionSchema(name).optional()])),
);

export const layoutSchema = strict({
  name: z.string().min(1),
  profiles: z.array(z.string().min(1)).min(1, "list at least one profile (see `kubeports profiles`)"),
  options: options.optional(),
  clusters: z.record(z.string().regex(GROUP_NAME, "cluster names follow the group-name rules"), strict({ kind: z.string().min(1) })).optional(),
  groups: z
    .record(groupName, strict({ roles: z.array(z.string().min(1)).min(1, "give the group at least one role"), cluster: z.string().optional() }))
    .refine((groups) => Object.keys(groups).length > 0, "define at least one node group"),
  peers: z.record(z.string().min(1), z.array(cidr).min(1, "give at least one CIDR, or leave the peer out")).optional(),
  rules: z.array(customRule).optional(),
  podCidr: z.union([cidr, z.array(cidr).min(1, "give at least one pod CIDR, or leave podCidr out")]).optional(),
  completeness: z
    .enum(COMPLETENESS_MODES, {
      error: (issue) =>
        `invalid value ${JSON.stringify(issue.input)} (allowed: ${COMPLETENESS_MODES.map((m) => JSON.stringify(m)).join(", ")}; ` +
        "supplement adds what the connectivity model requires, warn only reports it, strict fails)",
    })
    .optional(),
});
