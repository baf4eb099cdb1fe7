import type { LayoutOptions, OptionName } from "./options";
import type { Condition } from "./requirement";

/** A row applies when every option its condition names has one of the listed values. */
export function conditionHolds(when: Condition | undefined, options: LayoutOptions): boolean {
  if (!when) return true;
  return (Object.keys(when) as OptionName[]).every((name) => {
    const expected = when[name] as unknown;
    const actual = options[name] as unknown;
    return Array.isArray(expected) ? expected.includes(actual) : expected === actual;
  });
}
