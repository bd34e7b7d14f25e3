import "katex/dist/katex.min.css";

import ReactMarkdown, { defaultUrlTransform, type UrlTransform } from "react-markdown";
import rehypeKatex from "rehype-katex";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";

import { isDataImage, rehypeSameOriginImages } from "@/lib/same-origin-images";
import { separateDisplayMath } from "@/lib/statement-math";

// The default schema keeps only `language-*` classes on code. remark-math also marks math with
// `math-inline` and `math-display`, and rehype-katex reads those marks.
// Images may also use data: URLs, which `rehypeSameOriginImages` then limits to image types.
const schema = {
  ...defaultSchema,
  attributes: {
    ...defaultSchema.attributes,
    code: [["className", /^language-./, "math-inline", "math-display"]],
  },
  protocols: { ...defaultSchema.protocols, src: ["http", "https", "data"] },
};

/**
 * Styles of the rendered elements, which carry no classes: headings, links, code, lists and
 * GitHub-style tables. A long word or URL wraps. Wide tables, code blocks and display math
 * scroll inside the statement instead.
 */
const ELEMENT_STYLES = [
  "[&_a]:text-indigo-700 [&_a]:underline",
  "[&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1",
  "[&_h1]:text-2xl [&_h1]:font-semibold [&_h2]:text-xl [&_h2]:font-semibold",
  "[&_h3]:text-lg [&_h3]:font-semibold [&_h4]:font-semibold",
  "[&_ol]:list-decimal [&_ol]:pl-6 [&_ul]:list-disc [&_ul]:pl-6",
  "[&_table]:block [&_table]:max-w-full [&_table]:overflow-x-auto [&_table]:border-collapse",
  "[&_table]:wrap-normal [&_pre]:overflow-x-auto [&_pre]:wrap-normal",
  "[&_th]:border [&_th]:border-slate-300 [&_th]:bg-slate-50 [&_th]:px-3 [&_th]:py-1",
  "[&_td]:border [&_td]:border-slate-300 [&_td]:px-3 [&_td]:py-1",
  "[&_blockquote]:border-l-4 [&_blockquote]:border-slate-300 [&_blockquote]:pl-4",
  "[&_.katex-display]:overflow-x-auto",
].join(" ");

/** Keeps react-markdown's safe URLs, and also data: URLs of images in an image's src. */
const transformUrl: UrlTransform = (url, key) =>
  key === "src" && isDataImage(url) ? url : defaultUrlTransform(url);

/**
 * Renders Markdown with `$…$` and `$$…$$` math and GitHub's extensions (tables, strikethrough,
 * task lists, autolinks). Raw HTML is not rendered, and the tree is sanitised before KaTeX adds
 * its own trusted markup. Images come only from the page's origin or data: URLs, and any other
 * image becomes a link.
 */
export function Markdown({ children }: { children: string }) {
  return (
    <div className={`space-y-4 leading-7 wrap-anywhere ${ELEMENT_STYLES}`}>
      <ReactMarkdown
        remarkPlugins={[remarkGfm, remarkMath]}
        rehypePlugins={[[rehypeSanitize, schema], rehypeSameOriginImages, rehypeKatex]}
        urlTransform={transformUrl}
      >
        {separateDisplayMath(children)}
      </ReactMarkdown>
    </div>
  );
}
