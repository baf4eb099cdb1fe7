/** Reading layout files: YAML and JSON, errors with file, line and column, positions for issues. */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { compile } from "../components/compiler/compile";
import { loadLayoutFile } from "../components/layout/loadLayoutFile";
import { type InputIssue, KubeportsError } from "../components/model/errors";

let dir: string;

function write(name: string, text: string): string {
  writeFileSync(path.join(dir, name), text, "utf8");
  return name;
}

function failure(file: string): { message: string; issues: readonly InputIssue[] } {
  try {
    loadLayoutFile(file, dir);
  } catch (error) {
    expect(error).toBeInstanceOf(KubeportsError);
    return { message: (error as Error).message, issues: (error as KubeportsError).issues };
  }
  throw new Error(`${file} loaded, but should not have`);
}

const YAML = `# a layout
name: lab
profiles: [super-kubenetes]
groups:
  masters:
    roles: [controlPlane, etcd]
  workers:
    roles:
      - worker
peers:
  admin: ["192.0.2.0/24"]
`;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "kubeports-layout-"));
});

describe("loadLayoutFile", () => {
  it("reads YAML into a value compile() accepts", () => {
    const loaded = loadLayoutFile(write("lab.yaml", YAML), dir);
    expect(loaded.file).toBe("lab.yaml");
    expect(loaded.value).toEqual({
      name: "lab",
      profiles: ["super-kubenetes"],
      groups: { masters: { roles: ["controlPlane", "etcd"] }, workers: { roles: ["worker"] } },
      peers: { admin: ["192.0.2.0/24"] },
    });
    expect(compile(loaded.value).layout).toBe("lab");
  });

  it("reads JSON, tab-indented too, to the same value", () => {
    const json = JSON.stringify(loadLayoutFile(write("same.yaml", YAML), dir).value, null, "\t");
    expect(loadLayoutFile(write("lab.json", json), dir).value).toEqual(loadLayoutFile("same.yaml", dir).value);
  });

  it("reports a YAML syntax error with file, line and column", () => {
    const { message, issues } = failure(write("broken.yaml", "name: lab\ngroups:\n  masters: {roles: [controlPlane\n"));
    expect(message.split("\n")[0]).toBe('Invalid YAML in layout file "broken.yaml":');
    expect(issues.length).toBeGreaterThan(0);
    expect(issues[0]!.path).toMatch(/^broken\.yaml:\d+:\d+$/);
  });

  it("reports a duplicate key at its line and column", () => {
    const { issues } = failure(write("dup.yaml", "name: lab\ngroups:\n  masters:\n    roles: [worker]\n  masters:\n    roles: [worker]\n"));
    expect(issues).toEqual([{ path: "dup.yaml:5:3", message: expect.stringContaining("Map keys must be unique") }]);
  });

  it("reports a JSON syntax error with line and column", () => {
    const { issues } = failure(write("bad.json", '{\n  "name": "lab",\n  "profiles": ["super-kubenetes"]\n  "groups": {}\n}\n'));
    expect(issues).toEqual([{ path: "bad.json:4:3", message: expect.stringContaining("Missing , between flow map items") }]);
  });

  it("refuses several YAML documents in one file", () => {
    const { issues } = failure(write("two.yaml", "name: a\n---\nname: b\n"));
    expect(issues).toEqual([{ path: "two.yaml:2:1", message: expect.stringContaining('holds 2 YAML documents; a layout file holds one (remove the "---" separators)') }]);
  });

  it("refuses an empty file", () => {
    const { message, issues } = failure(write("empty.yaml", "# nothing yet\n"));
    expect(message.split("\n")[0]).toBe('Empty layout file "empty.yaml":');
    expect(issues).toEqual([{ path: "empty.yaml", message: expect.stringContaining("a layout needs at least name, profiles and groups") }]);
  });

  it("reports an unresolved alias", () => {
    const { issues } = failure(write("alias.yaml", "name: lab\ngroups: *missing\n"));
    expect(issues).toEqual([{ path: "alias.yaml:2:9", message: 'alias "*missing" has no anchor "&missing" before it (define the anchor first, or write the value out)' }]);
  });

  it("names a missing file and says what to give", () => {
    const { message, issues } = failure("nowhere.yaml");
    expect(message.split("\n")[0]).toBe('Cannot read layout file "nowhere.yaml":');
    expect(issues).toEqual([{ path: "nowhere.yaml", message: "no such file (give the path to a .yaml, .yml or .json layout file)" }]);
  });

  it("names a directory given as the file", () => {
    mkdirSync(path.join(dir, "layouts"), { recursive: true });
    expect(failure("layouts").issues).toEqual([{ path: "layouts", message: "is a directory (give the path to a .yaml, .yml or .json layout file inside it)" }]);
  });

  describe("locate", () => {
    const loaded = () => loadLayoutFile("lab.yaml", dir);

    it("points map entries at their key", () => {
      expect(loaded().locate("layout.peers.admin")).toEqual({ line: 11, column: 3 });
      expect(loaded().locate("layout.groups.workers")).toEqual({ line: 7, column: 3 });
    });

    it("points list items at the item, in flow and block lists", () => {
      expect(loaded().locate("layout.groups.masters.roles[1]")).toEqual({ line: 6, column: 27 });
      expect(loaded().locate("layout.groups.workers.roles[0]")).toEqual({ line: 9, column: 9 });
    });

    it("falls back to the deepest part of the path the file has", () => {
      // An option the file does not set: the closest input is the start of the document.
      expect(loaded().locate("layout.options.cni")).toEqual({ line: 2, column: 1 });
      expect(loaded().locate("layout.groups.workers.roles[5]")).toEqual({ line: 8, column: 5 });
    });

    it("finds nothing for paths outside the layout", () => {
      expect(loaded().locate("--out")).toBeUndefined();
      expect(loaded().locate("lab.yaml:1:1")).toBeUndefined();
    });

    it("locates the issues compile() reports", () => {
      const file = write("typo.yaml", YAML.replace("- worker", "- wroker"));
      const source = loadLayoutFile(file, dir);
      try {
        compile(source.value);
        expect.unreachable();
      } catch (error) {
        const issue = (error as KubeportsError).issues[0]!;
        expect(issue.path).toBe("layout.groups.workers.roles[0]");
        expect(source.locate(issue.path)).toEqual({ line: 9, column: 9 });
      }
    });
  });
});
