import { describe, expect, test } from "vitest";

import { rational } from "../rational";
import { networkToJson } from "./canonical";

describe("networkToJson", () => {
  test("keeps a leaky ReLU's slope", () => {
    const text = networkToJson({
      layers: [],
      activation: { name: "leaky-relu", slope: rational(-1n, 2n) },
      outputActivation: { name: "identity" },
    });

    expect(JSON.parse(text).activation).toEqual({ name: "leaky-relu", slope: "-1/2" });
  });
});
