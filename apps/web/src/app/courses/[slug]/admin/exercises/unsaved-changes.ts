"use client";

import { useCallback, useEffect, useRef } from "react";

/** The question an in-app link asks before it leaves a form with unsaved changes. */
export const LEAVE_QUESTION = "You have unsaved changes to this exercise. Leave and lose them?";

/**
 * Warns before the page is left while `dirty` is true: the browser's own dialog on reload,
 * close and Back (`beforeunload`), and a confirm on clicks of same-site links. The App Router
 * has no event before a client-side navigation, so a click listener in the capture phase stops
 * the link before Next.js's own handler sees it. Returns a function that turns the warning off
 * at once, for a reload the user asked for knowing that it discards the edits.
 */
export function useUnsavedChangesWarning(dirty: boolean): () => void {
  const discarding = useRef(false);

  useEffect(() => {
    if (!dirty) return;

    function onBeforeUnload(event: BeforeUnloadEvent) {
      if (discarding.current) return;
      event.preventDefault();
      // Setting returnValue as well covers browsers that ignore preventDefault here.
      event.returnValue = "";
    }

    function onClick(event: MouseEvent) {
      const link = discarding.current ? null : leavingLink(event);
      if (link !== null && !window.confirm(LEAVE_QUESTION)) {
        event.preventDefault();
        event.stopPropagation();
      }
    }

    window.addEventListener("beforeunload", onBeforeUnload);
    document.addEventListener("click", onClick, { capture: true });
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("click", onClick, { capture: true });
    };
  }, [dirty]);

  return useCallback(() => {
    discarding.current = true;
  }, []);
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
