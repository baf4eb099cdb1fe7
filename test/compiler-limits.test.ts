/** A layout too large to be one firewall is refused up front, naming the limit and the fix. */
import { describe, expect, it } from "vitest";
import { MAX_GROUPS, compile } from "../components/compiler/compile";
import { KubeportsError } from "../components/model/errors";
import type { Layout } from "../components/model/layout";

describe("layout size limit", () => {
  it("refuses more than MAX_GROUPS node groups with the count, the limit and a fix", () => {
    const groups = Object.fromEntries(Array.from({ length: MAX_GROUPS + 1 }, (_, i) => [`g${i}`, { roles: ["worker"] }]));
    const layout: Layout = { name: "huge", profiles: ["kubernetes"], groups: { ...groups, cp: { roles: ["controlPlane", "etcd"] } } };
    let error: unknown;
    try {
      compile(layout);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(KubeportsError);
    expect((error as KubeportsError).issues).toEqual([
      { path: "layout.groups", message: expect.stringMatching(/^50002 node groups; kubeports compiles at most 50000 in one layout \(split the estate into several layouts/) },
    ]);
  });
});
