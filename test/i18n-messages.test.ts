/**
 * Korean reports: the message catalogs agree key for key, `--lang ko` puts the fixed text of
 * plan and diff in Hangul, and the data (ports, peers, row text, file names) stays exactly
 * as the English report has it.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { KubeportsError } from "../components/model/errors";
import { LANGS, messagesFor, parseLang } from "../components/i18n/lang";
import { en } from "../components/i18n/messages.en";
import { ko } from "../components/i18n/messages.ko";
import { cli, ROOT, scratchProject } from "./diff-fixtures";

const HANGUL = /[\uAC00-\uD7A3]/;

/** Every leaf of a catalog as "path: kind(arity)". */
function shape(value: unknown, prefix = ""): string[] {
  if (typeof value === "function") return [`${prefix}: function(${value.length})`];
  if (typeof value === "string") return [`${prefix}: string`];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) => shape(child, prefix ? `${prefix}.${key}` : key));
}

/** Table rows (not headers or rules) of a Markdown text, split into cells. */
function tableRows(markdown: string): string[][] {
  const lines = markdown.split("\n");
  return lines
    .filter((line, index) => line.startsWith("| ") && !(lines[index + 1]?.startsWith("|---") ?? false))
    .map((line) => line.split(/(?<!\\)\|/).slice(1, -1).map((cell) => cell.trim()));
}

function headerRows(markdown: string): string[] {
  const lines = markdown.split("\n");
  return lines.filter((line, index) => line.startsWith("| ") && (lines[index + 1]?.startsWith("|---") ?? false));
}

describe("message catalogs", () => {
  it("have the same keys and function arities in every language", () => {
    expect(shape(ko)).toEqual(shape(en));
    expect(LANGS.map((lang) => shape(messagesFor(lang)).length)).toEqual([shape(en).length, shape(en).length]);
  });

  it("write every Korean heading and column name in Hangul", () => {
    const texts = [...Object.values(ko.columns).filter((c) => !/^(CIDR)$/.test(c)), ko.plan.profiles, ko.plan.warnings, ko.diff.opensHeading, ko.diff.noChanges];
    for (const text of texts) expect(text, text).toMatch(HANGUL);
  });

  it("refuses an unknown language, listing the known ones", () => {
    expect(parseLang("ko")).toBe("ko");
    expect(() => parseLang("fr")).toThrow(KubeportsError);
    expect(() => parseLang("fr")).toThrow('--lang: "fr" is not a report language (allowed: en, ko; for example --lang ko)');
  });
});

describe("kubeports plan --lang ko", () => {
  const both = async (stack: string) => {
    const english = await cli(["plan", stack]);
    const korean = await cli(["plan", stack, "--lang", "ko"]);
    expect([english.code, korean.code]).toEqual([0, 0]);
    return { english: english.stdout, korean: korean.stdout };
  };

  it("writes headings and column names in Hangul (super-kubenetes-gcp, the Korean seed's profile)", async () => {
    const { english, korean } = await both("super-kubenetes-gcp");
    const headings = korean.split("\n").filter((line) => line.startsWith("#"));
    expect(headings.length).toBe(english.split("\n").filter((line) => line.startsWith("#")).length);
    for (const heading of headings) expect(heading, heading).toMatch(HANGUL);
    // The port matrix's header is the group names alone.
    for (const header of headerRows(korean).filter((h) => !h.startsWith("|  |"))) expect(header, header).toMatch(HANGUL);
    expect(korean.startsWith("# kubeports 계획: `super-kubenetes-gcp`\n")).toBe(true);
    expect(korean).toContain("## 노드 그룹 `masters`");
    expect(korean).toContain("| 포트 | 프로토콜 | 출발지 | 용도 | 출처 문서 |");
  });

  it.each(["super-kubenetes-gcp", "rancher-aws", "dce5-azure", "apinizer-aws"])("%s: keeps every port and peer as the English report has them", async (stack) => {
    const { english, korean } = await both(stack);
    const en = tableRows(english);
    const ko = tableRows(korean);
    expect(ko.length).toBe(en.length);
    // Ports, protocols and peers are data; only the words kubeports itself chose may differ.
    // (Row descriptions and sources are Korean: test/i18n-rows.test.ts checks those.)
    const words = (cell: string) =>
      cell.replace("자기 자신", "itself").replace("(모든 곳)", "(anywhere)").replace("모든 트래픽", "all traffic").replace("IP 프로토콜 94", "IP protocol 94").replace(/유형 (\d+)/, "type $1").replace("모든 유형", "all types");
    const flowCells = (rows: string[][]) => rows.filter((row) => row.length >= 4 && /^(\d|-$|type|유형|all types|모든 유형)/.test(row[0]!)).map((row) => row.slice(0, row.length === 5 ? 3 : 2));
    expect(flowCells(ko).map((row) => row.map(words))).toEqual(flowCells(en));
    expect(flowCells(en).length).toBeGreaterThan(10);
  });

  it("words the world-open warnings in Korean, naming the layout's peer (not the vendor) as what opened SSH", async () => {
    const project = scratchProject({ open: { cluster: path.join(ROOT, "stacks/clusters/super-kubenetes-gcp.yaml"), config: { "kubeports:adminCidrs": ["0.0.0.0/0"] } } });
    const { code, stdout } = await cli(["plan", "open", "--lang", "ko"], project);
    expect(code).toBe(0);
    const warnings = stdout.split("## 경고\n")[1]!.split("\n## ")[0]!;
    expect(warnings).toContain(
      "- **world-open** (`masters`, `in:tcp:22:cidr:0.0.0.0/0`): `masters`은(는) 0.0.0.0/0에서 오는 TCP 22을(를) 허용합니다. 이 레이아웃의 피어 `admin`이(가) 인터넷 전체입니다(`peers.admin[0]: 0.0.0.0/0`). 벤더 행은 피어 이름만 지정합니다: `super-kubenetes/ssh`. 가능하면 알려진 네트워크로 제한하십시오.",
    );
  });

  it("translates the Mermaid diagram's fixed words only", async () => {
    const english = await cli(["plan", "dce5-azure", "--format", "mermaid"]);
    const korean = await cli(["plan", "dce5-azure", "--format", "mermaid", "--lang", "ko"]);
    expect(korean.stdout).toContain('subgraph cluster_global["클러스터 global"]');
    expect(korean.stdout).toContain("모든 그룹 ↔ 모든 그룹(자기 자신 포함): TCP");
    expect(korean.stdout.replace(/클러스터 /g, "cluster ").replace(/모든 그룹 ↔ 모든 그룹\(자기 자신 포함\)/g, "every group ↔ every group (each to itself too)").replace(/cluster ([a-z, ]+)의 모든 그룹/g, "every group of clusters $1")).toBe(english.stdout);
  });

  it("leaves JSON untouched: it is data", async () => {
    const english = await cli(["plan", "rancher-aws", "--format", "json"]);
    const korean = await cli(["plan", "rancher-aws", "--format", "json", "--lang", "ko"]);
    expect(korean.stdout).toBe(english.stdout);
  });

  it("lists en and ko for an unknown --lang", async () => {
    const { code, stderr } = await cli(["plan", "rancher-aws", "--lang", "jp"]);
    expect(code).toBe(2);
    expect(stderr).toContain("Allowed choices are en, ko.");
  });
});

describe("kubeports diff --lang ko", () => {
  const project = scratchProject({
    closed: { cluster: path.join(ROOT, "stacks/clusters/super-kubenetes-gcp.yaml") },
    open: { cluster: path.join(ROOT, "stacks/clusters/super-kubenetes-gcp.yaml"), config: { "kubeports:adminCidrs": ["0.0.0.0/0"] } },
  });

  it("writes the summary, headings and columns in Hangul and the changed flows as in English", async () => {
    const english = await cli(["diff", "closed", "open"], project);
    const korean = await cli(["diff", "closed", "open", "--lang", "ko"], project);
    expect([english.code, korean.code]).toEqual([0, 0]);
    for (const heading of korean.stdout.split("\n").filter((line) => line.startsWith("#"))) expect(heading, heading).toMatch(HANGUL);
    expect(korean.stdout).toContain("## 인터넷에 열리는 변경\n");
    expect(korean.stdout).toContain("**흐름 추가 0개, 삭제 0개, 변경 2개** (노드 그룹 2개).");
    expect(korean.stdout).toContain("| `~` | 수신 | 22 | TCP | 203.0.113.0/24 (admin) → **0.0.0.0/0 (admin)** (모든 곳) | ssh | Super Kubenetes: 포트 요구 사항 (001_3bf5a380ea63b531.txt): 표 1행: ssh TCP 22 |");
    const words = (cell: string) => cell.replace("수신", "in").replace("(모든 곳)", "(anywhere)").replace("(없음)", "(unset)").replace("바뀐 규칙 없음", "no rule changed").replace(/규칙 변경 (\d+)개/, (_, n) => `${n} rule change${n === "1" ? "" : "s"}`);
    // Change, direction, ports, protocol and peer are data; why and source are Korean.
    expect(tableRows(korean.stdout).map((row) => row.slice(0, 5).map(words))).toEqual(tableRows(english.stdout).map((row) => row.slice(0, 5)));
  });

  it("says there is no change in Korean", async () => {
    const { code, stdout } = await cli(["diff", "closed", "closed", "--lang", "ko"], project);
    expect(code).toBe(0);
    expect(stdout).toBe("# kubeports 변경 비교: `closed` → `closed`\n\n방화벽 변경 사항이 없습니다.\n");
  });

  it("explains --fail-on-world in Korean", async () => {
    const { code, stderr } = await cli(["diff", "closed", "open", "--lang", "ko", "--fail-on-world"], project);
    expect(code).toBe(3);
    expect(stderr).toBe("kubeports: 인터넷(0.0.0.0/0 또는 ::/0)에 포트를 여는 변경이 2개 있어 --fail-on-world에 따라 실패합니다(종료 코드 3)\n");
  });
});
