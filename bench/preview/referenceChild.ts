/**
 * Child process: the reference for preview timings. It starts exactly like previewOnce.ts
 * (Node, tsx, this bench's answer helper) and does nothing else.
 */
import { answer } from "../tsxChild";

answer({ ms: 0, resources: 0 });
