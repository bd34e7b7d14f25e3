import { readFileSync } from "node:fs";
import path from "node:path";

import type { SubmitResult } from "@/lib/submission-contract";

// A browser calls a server action with a POST to the page it is on: the `Next-Action` header
// names the action, the body contains the arguments as React's `encodeReply` writes them, and the
// response is a React Flight stream. The headers and bodies below follow requests that Chromium
// sent to this app built with Next.js 16.5.0 and React 19.3.1, captured with Playwright.

/** Ids of the app's server actions, read from a production build. */
export interface ActionIds {
  signIn: string;
  submitAttempt: string;
}

interface ManifestEntry {
  filename: string;
  exportedName: string;
}

/** Reads the ids of `signIn` and `submitAttempt` from the build's server-reference manifest. */
export function readActionIds(buildFolder: string): ActionIds {
  const file = path.join(buildFolder, "server", "server-reference-manifest.json");
  const manifest = JSON.parse(readFileSync(file, "utf8")) as {
    node: Record<string, ManifestEntry>;
  };
  const entries = Object.entries(manifest.node);
  const find = (source: string, exportedName: string): string => {
    const match = entries.find(
      ([, entry]) => entry.filename.endsWith(source) && entry.exportedName === exportedName,
    );
    if (!match) {
      throw new Error(`${file} lists no action ${exportedName} from ${source}. Rebuild the app.`);
    }
    return match[0];
  };
  return {
    signIn: find("src/server/actions/sign-in.ts", "signIn"),
    submitAttempt: find("src/server/actions/submit-attempt.ts", "submitAttempt"),
  };
}

/**
 * Encodes string arguments as React's `encodeReply` does when no argument needs a form part:
 * a JSON array, with a string that starts with "$" escaped by a second "$".
 */
export function encodeStringArguments(args: readonly string[]): string {
  return JSON.stringify(args.map((value) => (value.startsWith("$") ? `$${value}` : value)));
}

/**
 * Returns the `Next-Router-State-Tree` header a browser sends from an exercise page: the
 * router's segment tree, URI-encoded JSON. It decides which segments the action's response
 * renders again after `refresh()`.
 */
export function exerciseRouterStateTree(courseSlug: string, exerciseId: string): string {
  const page = ["__PAGE__", {}, null, null, 0];
  const exercise = [["exerciseId", exerciseId, "d", null], { children: page }, null, null, 0];
  const exercises = ["exercises", { children: exercise }, null, null, 0];
  const course = [["slug", courseSlug, "d", null], { children: exercises }, null, null, 0];
  const courses = ["courses", { children: course }, null, null, 0];
  return encodeURIComponent(JSON.stringify(["", { children: courses }, null, null, 16]));
}

/** Headers of a `submitAttempt` call from the exercise page, besides the session cookie. */
export function submitHeaders(
  actionId: string,
  baseUrl: string,
  courseSlug: string,
  exerciseId: string,
): Record<string, string> {
  return {
    accept: "text/x-component",
    "content-type": "text/plain;charset=UTF-8",
    "next-action": actionId,
    "next-router-state-tree": exerciseRouterStateTree(courseSlug, exerciseId),
    origin: baseUrl,
  };
}

/**
 * Reads an action's return value from its Flight response. Row 0 is the action's envelope, whose
 * field `a` refers to the row that contains the value ("$@1" is row 1). Returns null when the body
 * has no such rows, which happens when the server responded with an error page.
 */
export function readActionResult(body: string): SubmitResult | null {
  const rows = new Map<string, string>();
  for (const line of body.split("\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) {
      rows.set(line.slice(0, colon), line.slice(colon + 1));
    }
  }
  try {
    const envelope = JSON.parse(rows.get("0") ?? "null") as { a?: unknown } | null;
    const value = envelope?.a;
    if (typeof value === "string" && value.startsWith("$@")) {
      return JSON.parse(rows.get(value.slice(2)) ?? "null") as SubmitResult | null;
    }
    return typeof value === "object" && value !== null ? (value as SubmitResult) : null;
  } catch {
    return null;
  }
}

/**
 * Signs in through the sign-in form's server action, as the browser does, and returns the
 * Cookie header of the new session. Throws when the server does not redirect to the course list
 * or sets no session cookie.
 */
export async function signInWithAction(
  baseUrl: string,
  actionId: string,
  credentials: { email: string; password: string },
): Promise<string> {
  // React sends the form's fields under the prefix "_1_" and the arguments (the previous
  // state of `useActionState` and a reference to the form data) as part "0".
  const form = new FormData();
  form.set("_1_email", credentials.email);
  form.set("_1_password", credentials.password);
  form.set("0", JSON.stringify([{ error: null, email: "" }, "$K1"]));

  const response = await fetch(`${baseUrl}/sign-in`, {
    method: "POST",
    headers: { accept: "text/x-component", "next-action": actionId, origin: baseUrl },
    body: form,
    redirect: "manual",
  });
  await response.arrayBuffer();

  const redirect = response.headers.get("x-action-redirect") ?? "";
  const cookies = response.headers.getSetCookie().map((cookie) => cookie.split(";")[0] ?? "");
  const session = cookies.find((cookie) => cookie.startsWith("better-auth.session_token="));
  if (!redirect.startsWith("/courses") || !session) {
    throw new Error(
      `Sign-in of ${credentials.email} failed: status ${response.status}, ` +
        `redirect "${redirect}", ${cookies.length} cookies. Check the account and the action id.`,
    );
  }
  return cookies.join("; ");
}
