import { z } from "zod";

import type { Activation, ActivationName } from "../network/activation";
import { readCell } from "./cells";
import { isRecord } from "./fields";
import { describeType, type Place, type ProblemList } from "./problem";
import { closestName } from "./suggest";

const ACTIVATION_NAMES: readonly ActivationName[] = [
  "relu",
  "identity",
  "leaky-relu",
  "abs",
  "hard-tanh",
];

/** Other spellings accepted for a name, such as PyTorch's class names in lower case. */
const ALIASES: Record<string, ActivationName> = {
  linear: "identity",
  leakyrelu: "leaky-relu",
  hardtanh: "hard-tanh",
};

const LEAKY_WITH_SLOPE = /^leaky-?relu\s*\((.*)\)$/;

const activationObject = z.strictObject({ name: z.string(), slope: z.unknown().optional() });

/**
 * Reads an activation written as a name (`"relu"`, `"leaky-relu(1/10)"`) or as an object
 * (`{"name": "leaky-relu", "slope": "1/10"}`). Names ignore case, and `_` reads as `-`.
 * Returns undefined after recording a problem.
 */
export function readActivation(
  value: unknown,
  place: Place,
  problems: ProblemList,
): Activation | undefined {
  if (typeof value === "string") return readActivationName(value, undefined, place, problems);

  const parsed = activationObject.safeParse(value);
  if (parsed.success)
    return readActivationName(parsed.data.name, parsed.data.slope, place, problems);

  if (isRecord(value)) {
    reportObjectIssues(value, place, problems);
    return undefined;
  }
  const expected =
    'a name such as "relu" or an object such as {"name": "leaky-relu", "slope": "1/10"}';
  problems.add({ code: "wrong-type", place, expected, received: describeType(value) });
  return undefined;
}

function readActivationName(
  input: string,
  slope: unknown,
  place: Place,
  problems: ProblemList,
): Activation | undefined {
  const normalized = input.trim().toLowerCase().replaceAll("_", "-");
  const withSlope = LEAKY_WITH_SLOPE.exec(normalized);
  if (withSlope !== null) {
    if (slope !== undefined) {
      problems.add({ code: "unknown-field", place, field: "slope" });
      return undefined;
    }
    return leakyRelu(withSlope[1] ?? "", place, problems);
  }

  const name = ALIASES[normalized] ?? ACTIVATION_NAMES.find((known) => known === normalized);
  if (name === undefined) {
    const suggestion = closestName(normalized, ACTIVATION_NAMES);
    problems.add(
      suggestion === undefined
        ? { code: "unknown-activation", place, input }
        : { code: "unknown-activation", place, input, suggestion },
    );
    return undefined;
  }
  if (name === "leaky-relu") {
    if (slope === undefined) {
      problems.add({ code: "missing-slope", place, input });
      return undefined;
    }
    return leakyRelu(slope, place, problems);
  }
  if (slope !== undefined) {
    problems.add({ code: "unknown-field", place, field: "slope" });
    return undefined;
  }
  return { name };
}

function leakyRelu(slope: unknown, place: Place, problems: ProblemList): Activation | undefined {
  const value = readCell(
    slope,
    { ...place, field: `${place.field ?? "activation"}.slope` },
    problems,
  );
  return value === undefined ? undefined : { name: "leaky-relu", slope: value };
}

function reportObjectIssues(value: object, place: Place, problems: ProblemList): void {
  for (const key of Object.keys(value)) {
    if (key !== "name" && key !== "slope") {
      const suggestion = closestName(key, ["name", "slope"]);
      const field = key;
      problems.add(
        suggestion === undefined
          ? { code: "unknown-field", place, field }
          : { code: "unknown-field", place, field, suggestion },
      );
    }
  }
  const name: unknown = (value as Record<string, unknown>)["name"];
  if (name === undefined) problems.add({ code: "missing-field", place, field: "name" });
  else if (typeof name !== "string") {
    problems.add({ code: "wrong-type", place, expected: "a string", received: describeType(name) });
  }
}
