/**
 * Reads a layout file (YAML, or JSON, which YAML 1.2 contains) into a plain value. Only the
 * file is checked here (readable, well-formed, one document); the layout itself is validated
 * by compile(), and `locate` maps compile()'s issue paths back to lines of this file.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { type Document, isMap, isScalar, isSeq, LineCounter, type Node, parseAllDocuments, visit } from "yaml";
import { KubeportsError, type InputIssue } from "../model/errors";

/** 1-based, as editors count. */
/** A place in a layout file, for error messages and editors. */
export interface FilePosition {
  /** 1-based line. */
  readonly line: number;
  /** 1-based column. */
  readonly column: number;
}

/** A layout file as read: its path, its parsed content, and positions of its inputs. */
export interface LayoutFile {
  /** The path as the user gave it, for messages. */
  readonly file: string;
  /** The parsed content; compile() validates it. */
  readonly value: unknown;
  /** Where the input an issue path (`layout.groups.workers.roles[0]`) points at starts, if the file has it. */
  locate(issuePath: string): FilePosition | undefined;
}

const FORMATS = "a .yaml, .yml or .json layout file";

function readText(file: string, absolute: string): string {
  try {
    return readFileSync(absolute, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message =
      code === "ENOENT"
        ? `no such file (give the path to ${FORMATS})`
        : code === "EISDIR"
          ? `is a directory (give the path to ${FORMATS} inside it)`
          : `cannot be read: ${(error as Error).message}`;
    throw new KubeportsError(`Cannot read layout file "${file}"`, [{ path: file, message }]);
  }
}

/** Loads `file` (relative to `cwd`). Throws KubeportsError naming the file, line and column. */
export function loadLayoutFile(file: string, cwd: string = process.cwd()): LayoutFile {
  const text = readText(file, path.resolve(cwd, file));
  const lines = new LineCounter();
  const documents = parseAllDocuments(text, { lineCounter: lines, prettyErrors: false });
  const at = (offset: number): string => {
    const { line, col } = lines.linePos(offset);
    return `${file}:${line}:${col}`;
  };
  const fail = (issues: InputIssue[]): never => {
    throw new KubeportsError(`Invalid YAML in layout file "${file}"`, issues);
  };

  // parseAllDocuments returns an empty collection (not an array) for a file with no documents.
  const list: Document.Parsed[] = Array.isArray(documents) ? documents : [];
  if (list.length > 1) {
    fail([{ path: at(list[1]!.range[0]), message: `the file holds ${list.length} YAML documents; a layout file holds one (remove the "---" separators)` }]);
  }
  const document = list[0];
  if (!document || document.contents === null) {
    throw new KubeportsError(`Empty layout file "${file}"`, [
      { path: file, message: "the file has no content (a layout needs at least name, profiles and groups; see examples/layouts)" },
    ]);
  }
  if (document.errors.length > 0) {
    fail(document.errors.map((error) => ({ path: at(error.pos[0]), message: error.message })));
  }
  const unresolved: InputIssue[] = [];
  visit(document, {
    Alias(_key, alias) {
      if (!alias.resolve(document)) {
        unresolved.push({ path: at(alias.range?.[0] ?? 0), message: `alias "*${alias.source}" has no anchor "&${alias.source}" before it (define the anchor first, or write the value out)` });
      }
    },
  });
  if (unresolved.length > 0) fail(unresolved);
  let value: unknown;
  try {
    value = document.toJS();
  } catch (error) {
    // toJS() still throws for alias bombs (too many alias expansions).
    fail([{ path: file, message: (error as Error).message }]);
  }
  return {
    file,
    value,
    locate: (issuePath) => {
      const offset = offsetOf(document, issuePath);
      if (offset === undefined) return undefined;
      const { line, col } = lines.linePos(offset);
      return { line, column: col };
    },
  };
}

/** `layout.groups.workers.roles[0]` -> ["groups", "workers", "roles", 0]; undefined for other roots. */
function pathSegments(issuePath: string): (string | number)[] | undefined {
  if (issuePath !== "layout" && !issuePath.startsWith("layout.") && !issuePath.startsWith("layout[")) return undefined;
  const rest = issuePath.slice("layout".length);
  const segments: (string | number)[] = [];
  const pattern = /\.([^.[\]]+)|\[(\d+)\]/gy;
  let consumed = 0;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(rest)) !== null) {
    segments.push(match[2] !== undefined ? Number(match[2]) : match[1]!);
    consumed = pattern.lastIndex;
  }
  return consumed === rest.length ? segments : undefined;
}

/**
 * Offset of the deepest node on the path that exists: a map entry points at its key (where a
 * reader looks for `calicoMode:`), a list item at the item.
 */
function offsetOf(document: Document.Parsed, issuePath: string): number | undefined {
  const segments = pathSegments(issuePath);
  if (!segments) return undefined;
  let node: Node | null | undefined = document.contents;
  let offset = node?.range?.[0];
  for (const segment of segments) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) break;
      offset = isScalar(pair.key) ? pair.key.range?.[0] : offset;
      node = pair.value as Node | null;
    } else if (isSeq(node) && typeof segment === "number" && segment < node.items.length) {
      node = node.items[segment] as Node | null;
      offset = node?.range?.[0] ?? offset;
    } else {
      break;
    }
  }
  return offset;
}

/** A layout from anywhere (a file, a stack, a git revision), as the CLI compiles and reports it. */
export interface LayoutSource {
  /** What the user gave (a file path), for messages. */
  readonly label: string;
  /** The unvalidated layout; compile() checks it. */
  readonly value: unknown;
  /** Where an issue path points in the source, when the source is a text the user can open. */
  locate(issuePath: string): FilePosition | undefined;
}
