/**
 * Which values are Outputs or Promises (checked when known) is decided without loading the
 * Pulumi SDK, so the CLI's pure commands can split peer CIDRs and tags: by the marker every
 * Output carries (what `pulumi.Output.isInstance` reads) and by being a thenable.
 */
import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import { isDeferred } from "../components/firewall/peerInputs";

describe("isDeferred tells Outputs and Promises from plain values without the SDK", () => {
  it.each([
    // An Output is no thenable (its `then` is undefined): only the marker finds it.
    ["an Output", pulumi.output("10.0.0.0/16")],
    ["an Output of an Output's apply", pulumi.output("a").apply((v) => `${v}b`)],
    ["a Promise", Promise.resolve("10.0.0.0/16")],
    ["a thenable", { then: () => undefined }],
  ])("%s is deferred", (_label, value) => {
    expect(isDeferred(value)).toBe(true);
  });

  it.each([
    ["a string", "10.0.0.0/16"],
    ["a number", 5],
    ["null", null],
    ["undefined", undefined],
    ["a plain object", { cidr: "10.0.0.0/16" }],
    ["an array", ["10.0.0.0/16"]],
    ["an object with a false marker", { __pulumiOutput: false }],
    ["an object whose then is not a function", { then: "later" }],
  ])("%s is not", (_label, value) => {
    expect(isDeferred(value)).toBe(false);
  });
});
