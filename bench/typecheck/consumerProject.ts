/**
 * A consumer's project in a temp directory: one program from consumers/, a tsconfig as a
 * consumer would write it (strict, module nodenext, skipLibCheck true, the default most
 * projects and `tsc --init` use), and a node_modules of its own: links to the repository's
 * installed packages, and `kubeports` linked to the repository itself, so "kubeports/aws"
 * resolves through package.json `exports` to the BUILT declarations in dist/, as it does for
 * a consumer of the published package.
 */
import { mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Cloud } from "../layouts/stackLayouts";
import { REPO } from "../tsxChild";

export type Consumer = `${Cloud}-${"floor" | "kubeports"}`;

export const CONSUMER_TEXT: Record<Consumer, string> = {
  "aws-floor": "floor: @pulumi/pulumi + @pulumi/aws/ec2 and /vpc, a security group and a rule by hand",
  "aws-kubeports": "AwsClusterFirewall from kubeports/aws (built .d.ts)",
  "gcp-floor": "floor: @pulumi/pulumi + @pulumi/gcp/compute and /serviceaccount, a firewall rule by hand",
  "gcp-kubeports": "GcpClusterFirewall from kubeports/gcp (built .d.ts)",
  "azure-floor": "floor: @pulumi/pulumi + @pulumi/azure-native/network, an NSG and a rule by hand",
  "azure-kubeports": "AzureClusterFirewall from kubeports/azure (built .d.ts)",
};

export function writeConsumerProject(root: string, consumer: Consumer): string {
  const dir = path.join(root, consumer);
  const modules = path.join(dir, "node_modules");
  mkdirSync(modules, { recursive: true });
  writeFileSync(path.join(dir, "index.ts"), readFileSync(path.join(__dirname, "consumers", `${consumer}.ts.txt`), "utf8"));
  const installed = path.join(REPO, "node_modules");
  for (const entry of readdirSync(installed)) if (entry !== "kubeports") symlinkSync(path.join(installed, entry), path.join(modules, entry));
  symlinkSync(REPO, path.join(modules, "kubeports"), "dir");
  const compilerOptions = { target: "es2022", module: "nodenext", moduleResolution: "nodenext", strict: true, skipLibCheck: true, noEmit: true, types: ["node"] };
  writeFileSync(path.join(dir, "tsconfig.json"), `${JSON.stringify({ compilerOptions, files: ["index.ts"] }, null, 2)}\n`);
  return dir;
}
