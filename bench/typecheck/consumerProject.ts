/**
 * A consumer's project in a temp directory: one program from consumers/, a tsconfig as a
 * consumer would write it (strict, module nodenext, skipLibCheck true, the default most
 * projects and `tsc --init` use) and node_modules linked to the repository's. "kubeports"
 * and "kubeports/aws" resolve to the repository's public entries (components/index.ts,
 * components/aws/index.ts) through `paths`.
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { REPO } from "../tsxChild";

export const CONSUMERS = ["kubeports", "floor", "naive"] as const;
export type Consumer = (typeof CONSUMERS)[number];

export const CONSUMER_TEXT: Record<Consumer, string> = {
  kubeports: "(a) builds the rancher-aws firewall with AwsClusterFirewall from kubeports' public entry",
  floor: "(b) floor: imports only @pulumi/pulumi",
  naive: "(c) naive: imports @pulumi/aws, @pulumi/gcp and @pulumi/azure-native whole, one resource each",
};

export function writeConsumerProject(root: string, consumer: Consumer): string {
  const dir = path.join(root, consumer);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "index.ts"), readFileSync(path.join(__dirname, "consumers", `${consumer}.ts.txt`), "utf8"));
  symlinkSync(path.join(REPO, "node_modules"), path.join(dir, "node_modules"), "dir");
  const compilerOptions = {
    target: "es2022",
    module: "nodenext",
    moduleResolution: "nodenext",
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    types: ["node"],
    paths: {
      kubeports: [path.join(REPO, "components", "index.ts")],
      "kubeports/*": [path.join(REPO, "components", "*", "index.ts")],
    },
  };
  writeFileSync(path.join(dir, "tsconfig.json"), `${JSON.stringify({ compilerOptions, files: ["index.ts"] }, null, 2)}\n`);
  return dir;
}
