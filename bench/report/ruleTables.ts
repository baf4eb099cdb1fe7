/** RESULTS.md sections 1 and 2: rule counts and churn. */
import type { Results } from "../results";
import type { RuleCount } from "../rules/ruleBounds";
import { table, times } from "./format";

const CLOUD_NAME = { aws: "AWS", gcp: "GCP", azure: "Azure" } as const;

function count(value: RuleCount): string {
  return value.fixedRules > 0 ? `${value.total} (${value.flowRules} + ${value.fixedRules} fixed)` : `${value.total}`;
}

export function ruleCountMarkdown(results: Results): string {
  const own = table(
    ["stack", "component", "cloud", "egress", "registered (mocked run)", "translator", "reference", "naive with lists", "registered / reference", "naive / reference"],
    results.ruleCounts.stacks.map((row) => [
      row.stack,
      row.component,
      CLOUD_NAME[row.cloud],
      row.restrictEgress ? "plan only" : "allow all",
      row.resources === null ? "not run" : String(row.resources),
      String(row.translator),
      count(row.bound),
      count(row.naive),
      row.resourcesPerBound === null ? "-" : times(row.resourcesPerBound),
      times(row.naivePerBound),
    ]),
  );
  const cross = table(
    ["stack's layout", "cloud", "translator", "reference", "naive with lists", "translator / reference", "naive / reference"],
    results.ruleCounts.crossCloud.map((cell) =>
      "notExpressible" in cell
        ? [cell.stack, CLOUD_NAME[cell.cloud], `not expressible: ${cell.notExpressible.slice(0, 160)}${cell.notExpressible.length > 160 ? "..." : ""}`, "-", "-", "-", "-"]
        : [cell.stack, CLOUD_NAME[cell.cloud], String(cell.translator), count(cell.bound), count(cell.naive), times(cell.translatorPerBound), times(cell.naivePerBound)],
    ),
  );
  return [
    "## 1. Rule counts",
    "",
    "Reproduce: `npm run bench` (section `rules`: `bench/rules/ruleCountSection.ts`; the mocked runs are `node --import tsx bench/churn/stackRunsChild.ts <stack> --churn`).",
    "",
    "Per stack, on the stack's own cloud. *Registered*: firewall rule resources the stack's program registered in a mocked run, per kubeports component. *Translator*: the pure translator's rule count for the same component (GCP packs sources exactly: one rule per target group and set of sources that want the same ports; Azure packs node groups that the same standing vendor rows ask for into one rule per target group and protocol, and gives every CIDR and every port beyond the class a rule per other end, so that adding or removing a node group, CIDR, port or layout rule never re-creates a surviving rule: see the README, 'What an edit does to your cloud'). *Reference*, from the plan alone (`bench/rules/ruleBounds.ts`, `bench/rules/listCounts.ts`): on AWS a true **lower bound** (a rule has one source, one protocol and one port range, so one rule per plan flow); on GCP and Azure an **achievable count**, not a proven minimum: the smaller of two exact packings with lists, (1) groups x sources x port pieces wanted by exactly the same pairs, (2) one group per rule, its sources grouped by the pieces they want (the GCP translator's strategy, which keeps a one-port edit to at most two rules). *Naive with lists*: what a competent user writes from the vendor tables, one rule per table row with the cloud's lists (AWS has none: one rule per row, target group, source, protocol and port range; GCP and Azure: per row, the target groups that receive it from the same sources share one rule). *Fixed* rules are those every group needs in the firewall's egress mode, in all three columns: AWS re-creates allow-all egress (IPv4 and IPv6) per security group; Azure adds one VirtualNetwork deny rule per 10 groups.",
    "",
    own,
    "",
    "### Every stack's layout on every cloud",
    "",
    "Reproduce: `npm run bench`. The stack's layout as its program would build it on that cloud (load-balancer health-check sources differ per cloud), through the pure translators with the components' default arguments (egress allowed).",
    "",
    cross,
  ].join("\n");
}

export function churnMarkdown(results: Results): string {
  const rows = results.churn.flatMap((stack) =>
    stack.edits.map((edit) =>
      "skipped" in edit
        ? [stack.stack, edit.id, `skipped: ${edit.skipped.slice(0, 200)}${edit.skipped.length > 200 ? "..." : ""}`, "-", "-", "-", "-"]
        : [stack.stack, edit.id, edit.description, String(edit.churn.created), String(edit.churn.deleted), String(edit.churn.updated), String(edit.churn.renamed)],
    ),
  );
  const lists = results.churn.flatMap((stack) =>
    stack.edits.flatMap((edit) => ("skipped" in edit ? [] : [`- ${stack.stack} ${edit.id}: ${edit.churn.changes.length === 0 ? "no change" : edit.churn.changes.join(", ")}`])),
  );
  return [
    "## 2. Churn",
    "",
    "Reproduce: `npm run bench` (child `node --import tsx bench/churn/stackRunsChild.ts <stack> --churn`). Two mocked runs of the real stack program (an unedited copy of the project, then one edit to the stack's cluster file), compared the way Pulumi would: a resource is its type, parent and logical name. *Updated*: same resource, different inputs. *Renamed*: a deleted and a created resource of one type whose inputs are equal apart from the name (counted once, not as created or deleted). Counts cover every resource of the stack, not only firewall rules.",
    "",
    table(["stack", "edit", "what was edited", "created", "deleted", "updated", "renamed"], rows),
    "",
    "What changed (`+` created, `-` deleted, `~` updated, `old -> new` renamed):",
    "",
    ...lists,
  ].join("\n");
}
