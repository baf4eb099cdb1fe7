/** A stack trace line ("    at fn (file.ts:1:2)", "    at node:internal/..."), as opposed to a file position "    at lab.yaml:3:5". */
export const STACK_LINE = /^\s+at (?:.*\(.*:\d+:\d+\)|node:|async |Object\.|new )/m;
