/**
 * Korean, fully: every row of every profile and every requirement of the connectivity model has
 * a Korean description (a new row without one fails here), every profile a Korean title, every
 * option a Korean meaning, and a Korean plan of each shipped stack shows them instead of the
 * English words (supplements keep their "not in <profiles>" marker).
 */
import { describe, expect, it } from "vitest";
import { MODEL_PROFILE, supplementReason } from "../components/compiler/completeness";
import { BINDINGS } from "../components/connectivity/distributions";
import { CORE_REQUIREMENTS, OVERLAY_REQUIREMENTS } from "../components/connectivity/model";
import { koreanRow, MODEL_DESCRIPTIONS_KO, ROW_DESCRIPTIONS_KO } from "../components/i18n/rows.ko";
import { DISAGREEMENTS_KO } from "../components/i18n/disagreements.ko";
import { OPTION_MEANINGS_KO } from "../components/i18n/options.ko";
import { PROFILE_TITLES_KO } from "../components/i18n/profiles.ko";
import { OPTION_INFO, type OptionName } from "../components/model/options";
import { CATALOG } from "../components/profiles/catalog";
import { escapeCell } from "../components/reports/markdownText";
import { planMarkdown } from "../components/reports/planMarkdown";
import { localReason } from "../components/reports/sourceLinks";
import { stackPlan, STACKS } from "./diff-fixtures";

const HANGUL = /[\uAC00-\uD7A3]/;
/** Descriptions that are names only (a service, a protocol): the same in every language. */
const NAME_ONLY = /^[A-Za-z0-9 ./()_,-]+$/;

describe("Korean descriptions of every catalog row", () => {
  it.each(CATALOG.map((profile) => [profile.id, profile] as const))("%s: every row has one, and only its rows", (_id, profile) => {
    const missing = profile.rows.filter((row) => koreanRow(profile.id, row.id) === undefined).map((row) => row.id);
    expect(missing, `rows without a Korean description in components/i18n/rows.ko.ts["${profile.id}"]`).toEqual([]);
    if (profile.id !== "super-kubenetes") {
      expect(Object.keys(ROW_DESCRIPTIONS_KO[profile.id] ?? {}).sort()).toEqual(profile.rows.map((row) => row.id).sort());
    }
  });

  it("says each in Korean unless the English is a bare name (ssh, Minio API, kube-proxy)", () => {
    for (const profile of CATALOG) {
      for (const row of profile.rows) {
        const ko = koreanRow(profile.id, row.id)!.description;
        if (!HANGUL.test(ko)) expect(ko, `${profile.id}/${row.id}`).toMatch(NAME_ONLY);
      }
    }
  });

  it("has no entry for a profile or row the catalog does not have", () => {
    for (const [profile, rows] of Object.entries(ROW_DESCRIPTIONS_KO)) {
      const known = CATALOG.find((p) => p.id === profile);
      expect(known, profile).toBeDefined();
      for (const row of Object.keys(rows)) expect(known!.rows.some((r) => r.id === row), `${profile}/${row}`).toBe(true);
    }
  });
});

describe("Korean descriptions of the connectivity model's requirements", () => {
  const requirements = [
    ...Object.values(CORE_REQUIREMENTS).flat(),
    ...OVERLAY_REQUIREMENTS,
    ...Object.values(BINDINGS).flat().flatMap((binding) => binding.extra ?? []),
  ];

  it("has one for every requirement a supplement can cite, and only for those", () => {
    const ids = [...new Set(requirements.map((r) => r.id))].sort();
    expect(ids.filter((id) => koreanRow(MODEL_PROFILE, id) === undefined), "requirements without Korean in MODEL_DESCRIPTIONS_KO").toEqual([]);
    expect(Object.keys(MODEL_DESCRIPTIONS_KO).sort()).toEqual(ids);
    for (const id of ids) if (!HANGUL.test(MODEL_DESCRIPTIONS_KO[id]!)) expect(MODEL_DESCRIPTIONS_KO[id], id).toMatch(NAME_ONLY);
  });

  it("keeps a supplement's marker in Korean: which profiles left the requirement out", () => {
    const reason = supplementReason({
      requirement: "calico-typha", description: "Felix to Typha (Typha may run on any node)", source: "https://docs.tigera.io/", sourceRow: "Typha",
      group: "workers", from: { kind: "group", group: "masters" }, protocol: "tcp", ports: { from: 5473, to: 5473 }, omittedBy: ["super-kubenetes", "dce5"],
    });
    expect(localReason(reason, "ko").description).toBe(`${MODEL_DESCRIPTIONS_KO["calico-typha"]} (보충: super-kubenetes, dce5에 없음)`);
    expect(localReason(reason, "en").description).toBe("Felix to Typha (Typha may run on any node) (supplement: not in super-kubenetes, dce5)");
  });
});

describe("Korean profile titles and option meanings", () => {
  it("has a Korean title for every profile", () => {
    for (const profile of CATALOG) expect(PROFILE_TITLES_KO[profile.id], profile.id).toMatch(HANGUL);
  });

  it("has Korean for what the other source says in every disagreement, and nothing else", () => {
    const ids = CATALOG.flatMap((profile) => profile.disagreements.map((d) => `${profile.id}/${d.id}`));
    expect(Object.keys(DISAGREEMENTS_KO).sort()).toEqual(ids.sort());
    for (const id of ids) expect(DISAGREEMENTS_KO[id], id).toMatch(HANGUL);
  });

  it("has a Korean meaning for every option", () => {
    expect(Object.keys(OPTION_MEANINGS_KO).sort()).toEqual(Object.keys(OPTION_INFO).sort());
    for (const name of Object.keys(OPTION_INFO) as OptionName[]) expect(OPTION_MEANINGS_KO[name], name).toMatch(HANGUL);
  });
});

describe.each(STACKS)("kubeports plan %s --lang ko", (stack) => {
  const plan = stackPlan(stack);
  const korean = planMarkdown(plan, "ko");

  it("shows every row description in Korean where its Korean differs from the English", () => {
    const reasons = plan.groups.flatMap((group) => [...group.ingress, ...group.egress, ...group.local].flatMap((flow) => flow.reasons));
    const translated = reasons.filter((r) => r.profile !== "layout" && koreanRow(r.profile, r.row)!.description !== r.description);
    expect(translated.length).toBeGreaterThan(0);
    const whyCells = korean.split("\n").filter((line) => line.startsWith("| ")).map((line) => line.split(" | ")[3] ?? "");
    for (const reason of translated) {
      expect(whyCells.some((cell) => cell.split("<br>").includes(reason.description)), `${reason.profile}/${reason.row}: "${reason.description}" left in English`).toBe(false);
    }
  });

  it("shows option meanings and profile titles in Korean, and notes without the compiler's English sentence", () => {
    for (const profile of plan.profiles) expect(korean).toContain(PROFILE_TITLES_KO[profile.id]!);
    expect(korean).not.toMatch(/Every option has its default|Options that differ/);
    for (const name of Object.keys(OPTION_INFO) as OptionName[]) expect(korean).not.toContain(OPTION_INFO[name].description);
    for (const note of plan.notes) expect(korean).not.toContain(note.message);
    for (const d of plan.disagreements) expect(korean).toContain(escapeCell(DISAGREEMENTS_KO[`${d.profile}/${d.id}`]!));
  });
});
