/** The parts of a HAST node (the HTML syntax tree of rehype) that the plugin below reads. */
interface HastNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
  value?: string;
}

/**
 * A made-up origin that relative image URLs resolve against, as browsers resolve them against
 * the page. A URL that resolves to another origin names a host of its own, such as
 * `http://host/a.png` or `//host/a.png`.
 */
const PAGE_ORIGIN = "https://page.invalid";

/**
 * Returns a rehype plugin that keeps images only from the page's own origin (relative URLs) or
 * `data:image/…` URLs, so that a statement never makes a student's browser contact another
 * host. Any other image becomes a link to its URL with its alt text, and a `data:` URL of
 * another type becomes its alt text alone. It runs after the sanitizer, which already removed
 * every URL scheme but http, https and data.
 */
// NOTE: an absolute URL of the app's own host also becomes a link, because the renderer runs on
// the server and in the browser and cannot know the origin that students use.
export function rehypeSameOriginImages() {
  return (tree: HastNode) => {
    replaceImages(tree);
  };
}

function replaceImages(node: HastNode): void {
  if (node.children === undefined) return;
  node.children = node.children.map((child) => {
    if (child.type === "element" && child.tagName === "img") return imageOrLink(child);
    replaceImages(child);
    return child;
  });
}

/** Returns whether `url` is a `data:` URL of an image type, which may stay an image. */
export function isDataImage(url: string): boolean {
  return /^data:image\//i.test(url.trim());
}

/** Returns the image as it is when its URL is allowed, or else its link or alt text. */
function imageOrLink(image: HastNode): HastNode {
  const src = image.properties?.["src"];
  if (typeof src !== "string") return image;
  const alt = typeof image.properties?.["alt"] === "string" ? image.properties["alt"] : "";
  let url: URL;
  try {
    url = new URL(src, PAGE_ORIGIN);
  } catch {
    return { type: "text", value: alt };
  }
  if (url.protocol === "data:") {
    return isDataImage(src) ? image : { type: "text", value: alt };
  }
  if (url.origin === PAGE_ORIGIN) return image;
  return {
    type: "element",
    tagName: "a",
    properties: { href: src },
    children: [{ type: "text", value: alt === "" ? src : alt }],
  };
}
