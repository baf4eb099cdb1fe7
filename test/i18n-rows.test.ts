/**
 * Korean, fully: every row of every profile has a Korean description (a new row without one
 * fails here), every profile a Korean title, every option a Korean meaning, and a Korean plan of
 * each shipped stack shows them instead of the English words.
 */
import { describe, expect, it } from "vitest";
import { koreanRow, ROW_DESCRIPTIONS_KO } from "../components/i18n/rows.ko";
import { DISAGREEMENTS_KO } from "../components/i18n/disagreements.ko";
import { OPTION_MEANINGS_KO } from "../components/i18n/options.ko";
import { PROFILE_TITLES_KO } from "../components/i18n/profiles.ko";
import { OPTION_INFO, type OptionName } from "../components/model/options";
import { CATALOG } from "../components/profiles/catalog";
import { escapeCell } from "../components/reports/markdownText";
import { planMarkdown } from "../components/reports/planMarkdown";
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
