/**
 * The engine replay as a review: the steps `pulumi up` would run (create, update, replace,
 * delete per resource; unchanged resources counted, not listed) and the first step a cloud
 * would refuse, naming both resources. Markdown for the PR comment, plain data for JSON.
 */
import type { ReplayResult } from "./replay";

const short = (type: string) => type.split(":").pop() ?? type;

export function stepsJson(result: ReplayResult) {
  return {
    steps: result.steps
      .filter((step) => step.op !== "same" && step.half !== "delete-replaced")
      .map((step) => ({
        op: step.op,
        type: step.type,
        name: step.name,
        ...(step.from ? { from: step.from } : {}),
        ...(step.changed && step.changed.length > 0 ? { changed: [...step.changed] } : {}),
        ...(step.because ? { because: [...step.because] } : {}),
      })),
    unchanged: result.steps.filter((step) => step.op === "same").length,
    conflict: result.conflict ? { refusal: result.conflict.refusal, resource: result.conflict.resource, other: result.conflict.other, message: result.conflict.message } : null,
  };
}

export function stepsMarkdown(result: ReplayResult): string {
  const data = stepsJson(result);
  const lines = ["## What `pulumi up` would run", ""];
  if (data.steps.length === 0) lines.push(`No resource changes (${data.unchanged} unchanged).`);
  else {
    lines.push("| step | resource | type | what changes |", "|---|---|---|---|");
    for (const step of data.steps) {
      const what = step.because ? `${step.because.join(", ")} (forces replacement)` : (step.changed ?? []).join(", ");
      lines.push(`| ${step.op} | \`${step.name}\`${step.from ? ` (was \`${step.from}\`)` : ""} | ${short(step.type)} | ${what} |`);
    }
    lines.push("", `${data.unchanged} resources unchanged. Creates and updates run in program order; deletes run last.`);
  }
  lines.push("");
  lines.push(data.conflict ? `**The cloud would refuse this update:** ${data.conflict.message}` : "Every step is accepted: the update converges in one `pulumi up`.");
  return `${lines.join("\n")}\n`;
}
