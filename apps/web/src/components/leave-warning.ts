"use client";

import { useCallback, useEffect } from "react";

/** The question of each form on the page that has unsaved input, by the form's key. */
const pendingForms = new Map<string, string>();

function warnBeforeUnload(event: BeforeUnloadEvent) {
  event.preventDefault();
  // Setting returnValue as well covers browsers that ignore preventDefault here.
  event.returnValue = "";
}

/**
 * Asks before a same-site link leaves the page. It listens in the capture phase on the document,
 * because the App Router has no event before a client-side navigation: a cancelled click never
 * reaches the Next.js link's own handler.
 */
function confirmLeavingClick(event: MouseEvent) {
  const question = pendingForms.values().next().value;
  if (question === undefined || leavingLink(event) === null) return;
  if (!window.confirm(question)) {
    event.preventDefault();
    event.stopPropagation();
  }
}

/** Adds the listeners while any form has unsaved input and removes them after the last. */
function updateListeners() {
  if (pendingForms.size > 0) {
    window.addEventListener("beforeunload", warnBeforeUnload);
    document.addEventListener("click", confirmLeavingClick, { capture: true });
  } else {
    window.removeEventListener("beforeunload", warnBeforeUnload);
    document.removeEventListener("click", confirmLeavingClick, { capture: true });
  }
}

/**
 * Warns before the page is left while the form `key` has unsaved input (`active`): the
 * browser's own dialog on reload, close and Back, and `question` on clicks of same-site links.
 * The page asks once, however many forms have input. Returns a function that turns the warning
 * off at once, for a reload that the user asked for knowing that it discards the input.
 */
export function useLeaveWarning(key: string, active: boolean, question: string): () => void {
  useEffect(() => {
    if (!active) return;
    pendingForms.set(key, question);
    updateListeners();
    return () => {
      pendingForms.delete(key);
      updateListeners();
    };
  }, [key, active, question]);

  return useCallback(() => {
    pendingForms.delete(key);
    updateListeners();
  }, [key]);
}

/**
 * Returns the link a click follows to another page of this site in this tab, or null for
 * clicks that stay (links within the page, new tabs, downloads, modified clicks).
 */
function leavingLink(event: MouseEvent): HTMLAnchorElement | null {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
    return null;
  }
  const target = event.target instanceof Element ? event.target : null;
  const link = target?.closest("a[href]");
  if (!(link instanceof HTMLAnchorElement)) return null;
  if (link.target !== "" && link.target !== "_self") return null;
  if (link.hasAttribute("download")) return null;
  const url = new URL(link.href, window.location.href);
  if (url.origin !== window.location.origin) return null;
  const samePage =
    url.pathname === window.location.pathname && url.search === window.location.search;
  return samePage && url.hash !== "" ? null : link;
}
