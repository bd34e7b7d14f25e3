import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, test } from "vitest";

import { Markdown } from "./markdown";

function render(text: string): string {
  return renderToStaticMarkup(createElement(Markdown, null, text));
}

describe("Markdown", () => {
  test("renders a table", () => {
    const html = render("| x | f(x) |\n| --- | --- |\n| 0 | 1 |");

    expect(html).toContain("<table>");
    expect(html).toContain("<th>x</th>");
    expect(html).toContain("<td>1</td>");
    expect(html).not.toContain("| x |");
  });

  test("displays a formula that fills its line", () => {
    const html = render("Build\n\n$$|x| = \\max(x, -x)$$\n\non all of $\\mathbb{R}$.");

    expect(html.match(/class="katex-display"/g)).toHaveLength(1);
    expect(html.match(/class="katex"/g)).toHaveLength(2);
  });

  test("keeps $$ within a sentence inline", () => {
    const html = render("The map $$x$$ is inline.");

    expect(html).not.toContain('class="katex-display"');
    expect(html).toContain('class="katex"');
  });

  test("renders a first-level heading", () => {
    expect(render("# Heading")).toContain("<h1>Heading</h1>");
  });

  test("styles first-level headings and table cells", () => {
    const html = render("# Heading");

    expect(html).toContain("[&amp;_h1]:text-2xl");
    expect(html).toContain("[&amp;_td]:border");
  });

  test("keeps math inside a table cell", () => {
    const html = render("| x |\n| --- |\n| $x^2$ |");

    expect(html).toMatch(/<td><span class="katex">/);
  });

  test("drops raw HTML and unsafe links", () => {
    const html = render('<img src=x onerror="alert(1)">\n\n[link](javascript:alert(1))');

    expect(html).not.toContain("<img");
    expect(html).not.toContain("onerror");
    expect(html).not.toContain("javascript:");
  });

  test.each([
    ["![chart](http://tracker.example/t.png)", "http://tracker.example/t.png", "chart"],
    ["![chart](https://tracker.example/t.png)", "https://tracker.example/t.png", "chart"],
    ["![chart](//tracker.example/t.png)", "//tracker.example/t.png", "chart"],
    [
      "![](http://tracker.example/t.png)",
      "http://tracker.example/t.png",
      "http://tracker.example/t.png",
    ],
  ])("turns the remote image %s into a link", (text, href, label) => {
    const html = render(text);

    expect(html).not.toContain("<img");
    expect(html).toContain(`<a href="${href}">${label}</a>`);
  });

  test("keeps same-origin and data images", () => {
    const pixel = "data:image/png;base64,iVBORw0KGgo=";
    const html = render(`![plot](/plots/h2.png) ![rel](h3.png) ![dot](${pixel})`);

    expect(html).toContain('<img src="/plots/h2.png" alt="plot"/>');
    expect(html).toContain('<img src="h3.png" alt="rel"/>');
    expect(html).toContain(`<img src="${pixel}" alt="dot"/>`);
  });

  test("drops a data image of another type", () => {
    const html = render("![page](data:text/html;base64,PHNjcmlwdD4=)");

    expect(html).not.toContain("<img");
    expect(html).not.toContain("data:");
    expect(html).toContain("page");
  });
});
