/**
 * A stack's cluster file: the kubeports layout plus what the stack builds around it (machine
 * templates per node group and load balancers for the layout's VIPs). Kept apart from the
 * layout schema so the layout stays cloud-neutral.
 */
import { readFileSync, statSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { formatZodIssues } from "../layout/formatZodIssues";
import { KubeportsError } from "../model/errors";
import { GROUP_NAME } from "../layout/schema";
import { LAYOUT_LIMITS } from "../layout/layoutLimits";

const machine = z.strictObject({
  /** Instance type (AWS), machine type (GCP) or VM size (Azure). */
  size: z.string().min(1),
  /** AMI id, image self link or family, or an Azure image reference "publisher:offer:sku:version". */
  image: z.string().min(1),
  count: z.number().int().min(0).max(1000),
  /** Who starts the machines: the stack (an autoscaling group / MIG / scale set) or Rancher's node driver. */
  provisionedBy: z.enum(["stack", "rancher"]).default("stack"),
});

const loadBalancer = z.strictObject({
  /** The node group behind the VIP. */
  targetGroup: z.string().regex(GROUP_NAME),
  /** Listener ports; each forwards to the same port on the targets. */
  ports: z.array(z.number().int().min(1).max(65535)).min(1),
  healthCheckPort: z.number().int().min(1).max(65535),
  /** An internet-facing VIP (true) or one inside the network (false). */
  public: z.boolean(),
  /** Who may use the VIP. Clouds that preserve client addresses pass these through to the targets. */
  clients: z.array(z.string().min(1)).min(1),
});

export const clusterFileSchema = z.strictObject({
  /** The kubeports layout (see the README's "Layout files"). Validated by the compiler. */
  layout: z.record(z.string(), z.unknown()),
  machines: z.record(z.string().regex(GROUP_NAME), machine),
  loadBalancers: z.record(z.string().regex(GROUP_NAME), loadBalancer).default({}),
});

export type ClusterFile = z.infer<typeof clusterFileSchema>;
export type MachineSpec = z.infer<typeof machine>;
export type LoadBalancerSpec = z.infer<typeof loadBalancer>;

export function readClusterFile(path: string): ClusterFile {
  let raw: unknown;
  try {
    // The same limits and YAML features as a layout file.
    const { size } = statSync(path);
    if (size > LAYOUT_LIMITS.fileBytes) {
      throw new Error(`${size} bytes is more than the ${LAYOUT_LIMITS.fileBytes} bytes (1 MiB) a cluster file may have (split the layout)`);
    }
    raw = parseYaml(readFileSync(path, "utf8"), { merge: true });
  } catch (error) {
    throw new KubeportsError(`Cannot read cluster file ${path}`, [{ path, message: (error as Error).message }]);
  }
  const result = clusterFileSchema.safeParse(raw, { reportInput: true });
  if (!result.success) throw new KubeportsError(`Invalid cluster file ${path}`, formatZodIssues(path, result.error));
  const file = result.data;
  const groups = Object.keys((file.layout.groups as Record<string, unknown> | undefined) ?? {});
  const issues = [
    ...Object.keys(file.machines)
      .filter((name) => !groups.includes(name))
      .map((name) => ({ path: `${path}.machines.${name}`, message: `no node group "${name}" in the layout (groups: ${groups.join(", ")})` })),
    ...groups
      .filter((name) => !(name in file.machines))
      .map((name) => ({ path: `${path}.machines`, message: `node group "${name}" has no machine template; add machines.${name} with size, image and count` })),
    ...Object.entries(file.loadBalancers)
      .filter(([, lb]) => !groups.includes(lb.targetGroup))
      .map(([name, lb]) => ({ path: `${path}.loadBalancers.${name}.targetGroup`, message: `unknown node group "${lb.targetGroup}" (groups: ${groups.join(", ")})` })),
  ];
  if (issues.length > 0) throw new KubeportsError(`Invalid cluster file ${path}`, issues);
  return file;
}
