import { describe, expect, test } from "vitest";

import { chooseOpening, draftKey, loadDraft, saveDraft, type DraftStore } from "./draft-storage";

function memoryStore(): DraftStore & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
  };
}

const failingStore: DraftStore = {
  getItem: () => {
    throw new Error("SecurityError");
  },
  setItem: () => {
    throw new Error("QuotaExceededError");
  },
};

describe("draft storage", () => {
  test("keeps one draft per course and exercise", () => {
    const store = memoryStore();
    saveDraft(store, "user-1", "deep-learning-theory", "tent-h2", "tent");
    saveDraft(store, "user-1", "deep-learning-theory", "tent-h3", "h3");
    saveDraft(store, "user-1", "other-course", "tent-h2", "other");

    expect(loadDraft(store, "user-1", "deep-learning-theory", "tent-h2")).toBe("tent");
    expect(loadDraft(store, "user-1", "deep-learning-theory", "tent-h3")).toBe("h3");
    expect(loadDraft(store, "user-1", "other-course", "tent-h2")).toBe("other");
    expect(store.items.size).toBe(3);
  });

  test("keeps drafts of different users apart", () => {
    const store = memoryStore();
    saveDraft(store, "student-1", "deep-learning-theory", "tent-h2", "mine");

    expect(loadDraft(store, "student-2", "deep-learning-theory", "tent-h2")).toBeNull();
    expect(loadDraft(store, "student-1", "deep-learning-theory", "tent-h2")).toBe("mine");
  });

  test("returns null without a draft", () => {
    expect(loadDraft(memoryStore(), "user-1", "deep-learning-theory", "tent-h2")).toBeNull();
  });

  test("overwrites the previous draft", () => {
    const store = memoryStore();
    saveDraft(store, "user-1", "c", "e", "first");
    saveDraft(store, "user-1", "c", "e", "second");
    expect(loadDraft(store, "user-1", "c", "e")).toBe("second");
  });

  test("keeps keys apart when names contain the separator", () => {
    expect(draftKey("u", "a:b", "c")).not.toBe(draftKey("u", "a", "b:c"));
    expect(draftKey("u:a", "b", "c")).not.toBe(draftKey("u", "a:b", "c"));
  });

  test("survives a store that throws", () => {
    expect(loadDraft(failingStore, "user-1", "c", "e")).toBeNull();
    expect(saveDraft(failingStore, "user-1", "c", "e", "text")).toBe(false);
  });
});

describe("chooseOpening", () => {
  test("opens the draft, else the template", () => {
    expect(chooseOpening(null, "draft", "template")).toEqual({ text: "draft", pendingLoad: null });
    expect(chooseOpening(null, null, "template")).toEqual({ text: "template", pendingLoad: null });
  });

  test("keeps an empty draft", () => {
    expect(chooseOpening(null, "", "template")).toEqual({ text: "", pendingLoad: null });
  });

  test.each([
    ["no draft", null],
    ["the same text as the attempt", "attempt"],
    ["the untouched template", "template"],
  ])("loads an attempt over %s", (_name, draft) => {
    expect(chooseOpening("attempt", draft, "template")).toEqual({
      text: "attempt",
      pendingLoad: null,
    });
  });

  test("holds an attempt back from a different draft", () => {
    expect(chooseOpening("attempt", "draft", "template")).toEqual({
      text: "draft",
      pendingLoad: "attempt",
    });
  });

  test("holds an attempt back from an empty draft", () => {
    expect(chooseOpening("attempt", "", "template")).toEqual({ text: "", pendingLoad: "attempt" });
  });
});
