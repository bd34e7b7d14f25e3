/** The query parameter of `/sign-in` that names the page to return to after signing in. */
export const RETURN_PARAMETER = "next";

/**
 * Request header through which the proxy passes a page's path and query to the page, so a page
 * that finds no session can send the user to sign in and back. The proxy replaces any value a
 * client sends.
 */
export const REQUEST_PATH_HEADER = "x-sawtooth-request-path";

/** The page a user lands on after signing in when no valid return path is given. */
export const DEFAULT_RETURN_PATH = "/courses";

/** Longest return path kept, in characters; a longer one falls back to the default. */
const MAX_RETURN_PATH_LENGTH = 2048;

// Any base works: it only serves to tell a path on this site from one that leaves it.
const BASE = new URL("http://sawtooth.invalid");

// ASCII control characters, space and the backslash, which browsers read as a slash.
// eslint-disable-next-line no-control-regex -- control characters are what this rejects
const UNSAFE_CHARACTERS = /[\u0000-\u0020\u007f\\]/;

/**
 * Returns `value` as a path on this site (path and query) to redirect to after signing in, or
 * {@link DEFAULT_RETURN_PATH} when it is anything else: not a string, an absolute URL, a
 * protocol-relative `//host` or `/\host`, or a path that resolves to one.
 */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== "string" || value.length > MAX_RETURN_PATH_LENGTH) {
    return DEFAULT_RETURN_PATH;
  }
  if (!value.startsWith("/") || value.startsWith("//") || UNSAFE_CHARACTERS.test(value)) {
    return DEFAULT_RETURN_PATH;
  }

  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return DEFAULT_RETURN_PATH;
  }
  // Dot segments can turn a path into `//host` (`/a/..//host`), which a browser reads as a host.
  if (url.origin !== BASE.origin || url.pathname.startsWith("//")) {
    return DEFAULT_RETURN_PATH;
  }
  return `${url.pathname}${url.search}`;
}

/** Returns the sign-in page's address that returns to `path` afterwards. */
export function signInPath(path: string): string {
  const returnPath = safeReturnPath(path);
  if (returnPath === DEFAULT_RETURN_PATH) {
    return "/sign-in";
  }
  return `/sign-in?${new URLSearchParams({ [RETURN_PARAMETER]: returnPath })}`;
}
