import "katex/dist/katex.min.css";

import ReactMarkdown from "react-markdown";
import rehypeKatex from "rehype-katex";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import remarkMath from "remark-math";

// The default schema keeps only `language-*` classes on code. remark-math also marks math with
// `math-inline` and `math-display`, and rehype-katex reads those marks.
const schema = {
  ...defaultSchema,
  attributes: {
    ...defaultSchema.attributes,
    code: [["className", /^language-./, "math-inline", "math-display"]],
  },
};

/**
 * Renders Markdown with `$…$` and `$$…$$` math. Raw HTML is not rendered, and the tree is
 * sanitised before KaTeX adds its own trusted markup.
 */
export function Markdown({ children }: { children: string }) {
  return (
    <div className="space-y-4 leading-7 [&_a]:text-indigo-700 [&_a]:underline [&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_h2]:text-xl [&_h2]:font-semibold [&_h3]:text-lg [&_h3]:font-semibold [&_ol]:list-decimal [&_ol]:pl-6 [&_ul]:list-disc [&_ul]:pl-6 [&_.katex-display]:overflow-x-auto">
      <ReactMarkdown
        remarkPlugins={[remarkMath]}
        rehypePlugins={[[rehypeSanitize, schema], rehypeKatex]}
      >
        {children}
      </ReactMarkdown>
    </div>
  );
}
