import { describe, expect, test } from "vitest";

import { BoundedCache } from "./bounded-cache";

describe("BoundedCache", () => {
  test("creates each value once", () => {
    const cache = new BoundedCache<string, number>(2);
    let calls = 0;

    cache.getOrCreate("a", () => ++calls);
    const again = cache.getOrCreate("a", () => ++calls);

    expect(again).toBe(1);
    expect(calls).toBe(1);
  });

  test("drops the least recently used entry", () => {
    const cache = new BoundedCache<string, string>(2);
    cache.getOrCreate("a", () => "first a");
    cache.getOrCreate("b", () => "b");
    cache.getOrCreate("a", () => "second a");

    cache.getOrCreate("c", () => "c");

    expect(cache.size).toBe(2);
    expect(cache.getOrCreate("a", () => "third a")).toBe("first a");
    expect(cache.getOrCreate("b", () => "new b")).toBe("new b");
  });

  test("get returns a stored value and counts as a use", () => {
    const cache = new BoundedCache<string, string>(2);
    cache.getOrCreate("a", () => "a");
    cache.getOrCreate("b", () => "b");

    expect(cache.get("a")).toBe("a");
    cache.getOrCreate("c", () => "c");

    expect(cache.get("missing")).toBeUndefined();
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBe("a");
  });
});
