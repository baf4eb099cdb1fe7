/**
 * Reads a layout file (YAML, or JSON, which YAML 1.2 contains) into a plain value. Only the
 * file is checked here (readable, well-formed, one document); the layout itself is validated
 * by compile(), and `locate` maps compile()'s issue paths back to lines of this file.
 */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { type Document, isAlias, isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseAllDocuments, visit } from "yaml";
import { KubeportsError, type InputIssue } from "../model/errors";
import { LAYOUT_LIMITS } from "./layoutLimits";

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
    // Checked before reading, so an oversized file costs neither memory nor parse time.
    const { size } = statSync(absolute);
    if (size > LAYOUT_LIMITS.fileBytes && statSync(absolute).isFile()) {
      throw new KubeportsError(`Layout file "${file}" is too large`, [
        { path: file, message: `${size} bytes is more than the ${LAYOUT_LIMITS.fileBytes} bytes (1 MiB) a layout file may have (split the layout)` },
      ]);
    }
    return readFileSync(absolute, "utf8");
  } catch (error) {
    if (error instanceof KubeportsError) throw error;
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
  // YAML 1.1 merge keys (`<<: *base`) are supported: a mapping's `<<` entries fill in the keys it does not set.
  const documents = parseAllDocuments(text, { lineCounter: lines, prettyErrors: false, merge: true });
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
  // One walk in document order: an alias refers to the last anchor of its name before it.
  // (Alias.resolve() walks the whole document per alias, quadratic in a file full of aliases.)
  const anchors = new Map<string, unknown>();
  const resolve = (node: unknown) => (isAlias(node) ? anchors.get(node.source) : node);
  visit(document, (_key, node) => {
    if (isAlias(node) && !anchors.has(node.source)) {
      unresolved.push({ path: at(node.range?.[0] ?? 0), message: `alias "*${node.source}" has no anchor "&${node.source}" before it (define the anchor first, or write the value out)` });
    }
    if ((isMap(node) || isSeq(node) || isScalar(node)) && node.anchor) anchors.set(node.anchor, node);
    const key = isPair(node) ? node.key : undefined;
    if (isPair(node) && isScalar(key) && key.source === "<<") {
      const sources = isSeq(node.value) ? node.value.items : [node.value];
      const maps = sources.every((source) => isMap(resolve(source)));
      if (!maps) {
        unresolved.push({
          path: at(key.range?.[0] ?? 0),
          message: 'a "<<" merge key takes a mapping, an alias of one (<<: *base) or a list of them; write the keys out, or point the alias at a mapping',
        });
      }
    }
  });
  if (unresolved.length > 0) fail(unresolved);
  let value: unknown;
  try {
    value = document.toJS();
  } catch (error) {
    // toJS() still throws for alias bombs (too many alias expansions).
    const text = (error as Error).message;
    const message = /alias count/i.test(text)
      ? "aliases expand to too many copies (the YAML parser refuses an anchor used that often, against alias bombs); write the repeated values out"
      : text;
    fail([{ path: file, message }]);
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
