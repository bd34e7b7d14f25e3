/** Deepest nesting of arrays and objects in an action's arguments, which are strings here. */
const MAX_ARGUMENT_DEPTH = 64;

/**
 * Maximum array slots React's `decodeReply` (react-server-dom 19.3) reads in one tree of nested
 * arrays: each array counts its length plus one and each string its length. Past this limit it
 * throws "Maximum array nesting exceeded" when one of the arrays has more than one element.
 */
export const MAX_ARRAY_SLOTS = 1_000_000;

/** References to other parts that an argument list may contain. */
export type AllowedReferences = "none" | "form-data";

/**
 * Finds why a JSON text is not a plain argument list for a server action, or returns null when
 * it is one. A plain list is a JSON array of at most `MAX_ARGUMENT_DEPTH` levels, within React's
 * `MAX_ARRAY_SLOTS`, in which no string is a React reference. React's `encodeReply` writes a
 * string that starts with "$" as "$$…", so a single "$" marks a reference to another part (a
 * promise, a Map, a file), which plain values never need. The depth bound matters because
 * `decodeReply` recurses and overflows the stack on deep nesting.
 *
 * With `references` set to "form-data", a reference `$K…` to a form's fields is allowed too, as
 * a form sends it. React builds that FormData from the body's fields without reading them.
 * The problem is a phrase that completes "Invalid server action request: <place> …".
 */
export function findArgumentListProblem(
  text: string,
  references: AllowedReferences = "none",
): string | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return "must be a JSON array of the action's arguments";
  }
  if (!Array.isArray(value)) {
    return "must be a JSON array of the action's arguments";
  }
  return findValueProblem(value, references);
}

/**
 * The slots React counts for one tree of nested arrays. An array inside an object starts a new
 * tree, and strings directly in an object are not counted.
 */
interface ArrayTree {
  slots: number;
  /** Whether an array of the tree has more than one element, which React requires to throw. */
  forked: boolean;
}

interface PendingValue {
  value: unknown;
  depth: number;
  /** The tree of the array that contains the value, or null when an object contains it. */
  tree: ArrayTree | null;
}

/**
 * Checks every value of an argument list with a stack instead of recursion, so deep nesting
 * cannot overflow. Returns the first problem found, or null.
 */
export function findValueProblem(root: unknown, references: AllowedReferences): string | null {
  const trees: ArrayTree[] = [];
  const pending: PendingValue[] = [{ value: root, depth: 1, tree: null }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { value, depth, tree } = next;
    if (typeof value === "string") {
      if (!isAllowedString(value, references)) {
        return `contains ${quoteStart(value)}, a reference to another part, which this app's actions do not take`;
      }
      if (tree !== null) tree.slots += value.length;
      continue;
    }
    if (typeof value !== "object" || value === null) continue;
    if (depth > MAX_ARGUMENT_DEPTH) {
      return `nests arrays and objects more than ${MAX_ARGUMENT_DEPTH} levels deep`;
    }
    if (Array.isArray(value)) {
      const arrayTree = tree ?? { slots: 0, forked: false };
      if (tree === null) trees.push(arrayTree);
      arrayTree.slots += value.length + 1;
      arrayTree.forked ||= value.length > 1;
      for (const child of value) {
        pending.push({ value: child, depth: depth + 1, tree: arrayTree });
      }
    } else {
      for (const child of Object.values(value)) {
        pending.push({ value: child, depth: depth + 1, tree: null });
      }
    }
  }
  if (trees.some((tree) => tree.forked && tree.slots > MAX_ARRAY_SLOTS)) {
    const limit = MAX_ARRAY_SLOTS.toLocaleString("en");
    return `holds more than ${limit} array entries and string characters in nested arrays, the maximum React reads`;
  }
  return null;
}

function isAllowedString(value: string, references: AllowedReferences): boolean {
  if (!value.startsWith("$") || value.startsWith("$$")) return true;
  return references === "form-data" && /^\$K[0-9a-f]+$/.test(value);
}

/** Quotes a string for a message, cut to its first 20 characters. */
function quoteStart(value: string): string {
  return JSON.stringify(value.length > 20 ? `${value.slice(0, 20)}…` : value);
}
