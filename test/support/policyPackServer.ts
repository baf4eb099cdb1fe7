/**
 * Starts a policy pack the way the Pulumi CLI does (its pulumi-analyzer-policy script runs
 * @pulumi/pulumi/cmd/run-policy-pack, resolved from the pack's folder, with the engine address
 * and "." in that folder) and connects an Analyzer gRPC client to the port the pack prints.
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import * as grpc from "@grpc/grpc-js";
import { AnalyzerClient } from "@pulumi/pulumi/proto/analyzer_grpc_pb";

export interface RunningPack {
  readonly client: AnalyzerClient;
  stop(): void;
}

export async function startPolicyPack(packDir: string): Promise<RunningPack> {
  const loader = createRequire(path.join(packDir, "package.json")).resolve("@pulumi/pulumi/cmd/run-policy-pack");
  const child = spawn(process.execPath, [loader, "127.0.0.1:1", "."], { cwd: packDir, stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  // The pack announces itself by printing its gRPC port alone on a line, as the engine expects.
  const port = await new Promise<string>((resolve, reject) => {
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = /^(\d+)$/m.exec(stdout);
      if (line) resolve(line[1]!);
    });
    child.once("exit", (code) => reject(new Error(`policy pack in ${packDir} exited with ${code}: ${stdout}${stderr}`)));
  });
  const client = new AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  return {
    client,
    stop() {
      client.close();
      child.kill();
    },
  };
}
