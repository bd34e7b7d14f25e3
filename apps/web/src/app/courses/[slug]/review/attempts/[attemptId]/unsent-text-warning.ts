"use client";

import { useEffect } from "react";

const LEAVE_QUESTION =
  "Leave this page? The text you typed in a comment or score form is not sent.";

/** Ids of the forms on the page that hold text not yet sent. */
const unsentForms = new Set<string>();

function warnBeforeUnload(event: BeforeUnloadEvent) {
  event.preventDefault();
  // Chromium before version 119 shows the dialog only when returnValue is set.
  event.returnValue = "";
}

/**
 * Asks before an in-app link leaves the page. It listens in the capture phase on the document,
 * so a cancelled click never reaches the Next.js link's own handler.
 */
function confirmLinkClick(event: MouseEvent) {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
    return;
  }
  const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
  if (!(link instanceof HTMLAnchorElement) || link.target === "_blank") return;
  const destination = new URL(link.href, window.location.href);
  if (destination.origin !== window.location.origin) return;
  if (destination.pathname === window.location.pathname && destination.hash !== "") return;
  if (!window.confirm(LEAVE_QUESTION)) {
    event.preventDefault();
    event.stopPropagation();
  }
}

function updateListeners() {
  if (unsentForms.size > 0) {
    window.addEventListener("beforeunload", warnBeforeUnload);
    document.addEventListener("click", confirmLinkClick, { capture: true });
  } else {
    window.removeEventListener("beforeunload", warnBeforeUnload);
    document.removeEventListener("click", confirmLinkClick, { capture: true });
  }
}

/**
 * Warns before the page is left while the form `formId` holds unsent text: the browser's own
 * dialog on reload, close or Back, and a confirmation on in-app links. The page asks once, however
 * many forms hold text.
 */
export function useUnsentTextWarning(formId: string, unsent: boolean): void {
  useEffect(() => {
    if (!unsent) return;
    unsentForms.add(formId);
    updateListeners();
    return () => {
      unsentForms.delete(formId);
      updateListeners();
    };
  }, [formId, unsent]);
}
