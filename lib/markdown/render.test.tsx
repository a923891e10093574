import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";

vi.mock("@/components/decision-tree/DecisionTreeBlock", () => ({
  DecisionTreeBlock: ({ source, idPrefix }: { source: string; idPrefix?: string }) => (
    <div data-testid="decision-tree" data-id-prefix={idPrefix}>
      {source}
    </div>
  ),
}));

import { getHighlighter, resolveLanguage } from "./highlighter";
import { renderMarkdown } from "./render";

async function html(source: string, idPrefix = "solution"): Promise<string> {
  return renderToStaticMarkup(await renderMarkdown(source, { idPrefix }));
}

describe("renderMarkdown: sanitizing", () => {
  it("drops raw HTML, event handlers, javascript: links and iframes", async () => {
    const out = await html(
      [
        "<script>alert('block')</script>",
        "",
        'Inline <img src="x" onerror="alert(1)"> and <b>bold?</b>',
        "",
        "[click me](javascript:alert(1)) <javascript:alert(2)>",
        "",
        '<iframe src="https://evil.example/"></iframe>',
        "",
        "Still here.",
      ].join("\n"),
    );
    expect(out).not.toMatch(/<script/i);
    expect(out).not.toMatch(/onerror/i);
    expect(out).not.toMatch(/href="\s*javascript:/i);
    expect(out).not.toMatch(/<iframe/i);
    expect(out).not.toContain("<b>");
    expect(out).not.toContain("<img");
    // Ordinary content around it still renders; the bad link loses its href.
    expect(out).toContain("<p>Still here.</p>");
    expect(out).toContain("<a>click me</a>");
    expect(out).toContain("<a>javascript:alert(2)</a>"); // inert text, no href
  });

  it("keeps only http(s), mailto, relative and #anchor links", async () => {
    const out = await html(
      "[a](https://x.example/p) [b](/entries/y) [c](mailto:me@x.example) [d](ftp://x.example) [e](#top)",
    );
    expect(out).toContain('<a href="https://x.example/p" rel="nofollow ugc noopener noreferrer">a</a>');
    expect(out).toContain('<a href="/entries/y">b</a>');
    expect(out).toContain('<a href="mailto:me@x.example">c</a>');
    expect(out).toContain("<a>d</a>");
    expect(out).toContain('<a href="#top">e</a>');
  });

  it("allows images only with https src, without referrer, lazily loaded", async () => {
    const out = await html(
      "![ok](https://img.example/a.png) ![plain](http://img.example/b.png) ![rel](/a.png) ![data](data:image/png;base64,AAAA)",
    );
    expect(out).toContain(
      '<img src="https://img.example/a.png" alt="ok" referrerPolicy="no-referrer" loading="lazy" decoding="async"/>',
    );
    expect(out.match(/<img/g)).toHaveLength(1);
    // An http image becomes its alt text: it is neither loaded nor linked.
    expect(out).toContain(" plain ");
    expect(out).not.toContain("http://img.example");
    expect(out).toContain(" rel ");
    expect(out).not.toContain("data:image");
  });

  it("drops http images written as raw HTML or reference images too", async () => {
    const out = await html(
      ['<img src="http://img.example/raw.png">', "", "![ref][pic]", "", "[pic]: http://img.example/ref.png"].join("\n"),
    );
    expect(out).not.toContain("<img");
    expect(out).not.toContain("img.example");
  });
});

describe("renderMarkdown: code blocks", () => {
  it("highlights a python fence (case-insensitive) with dual-theme variables and a copy button", async () => {
    const out = await html("```Python\ndef add(a, b):\n    return a + b\n```");
    expect(out).toContain('<pre class="shiki shiki-themes github-light-high-contrast github-dark-high-contrast"');
    expect(out).toContain('<span style="--shiki-light:#A0111F;--shiki-dark:#FF9492">def</span>');
    expect(out).toContain('<span class="code-block-lang">python</span>');
    expect(out).toMatch(/<button type="button" class="copy-button"[^>]*aria-label="Copy code"/);
    expect(out).toMatch(/<div class="code-block" data-code-block="">/);
  });

  it("resolves aliases such as sh and c++", async () => {
    const out = await html("```sh\necho hi\n```\n\n```c++\nint main() { return 0; }\n```");
    expect(out).toContain('<span class="code-block-lang">bash</span>');
    expect(out).toContain('<span class="code-block-lang">cpp</span>');
    expect(out).toContain('--shiki-light:#A0111F;--shiki-dark:#FF9492">int</span>');
  });

  it("renders an unknown language as escaped plain text without throwing", async () => {
    const out = await html("```brainfuck\n<not-html> +++[>+<-]\n```");
    expect(out).toContain('<span class="code-block-lang">brainfuck</span>');
    expect(out).toContain('<span class="line"><span>&lt;not-html&gt; +++[&gt;+&lt;-]</span></span>');
    expect(out).not.toMatch(/<span style="--shiki-light:[^"]*">&lt;not/);
    expect(out).not.toContain("<not-html>");
  });

  it("renders a fence without language as plain text with no label text", async () => {
    const out = await html("```\nplain words\n```");
    expect(out).toContain('<span class="code-block-lang"></span>');
    expect(out).toContain("<span>plain words</span>");
  });

  it("turns a decision-tree fence into DecisionTreeBlock with the raw source", async () => {
    const source = 'question: "Is it <CPU>-bound?"\n  yes: use processes & pools\n  no: asyncio';
    const out = await html(
      `Intro\n\n\`\`\`decision-tree\n${source}\n\`\`\`\n\n\`\`\`Decision-Tree\nsecond\n\`\`\``,
      "why",
    );
    expect(out).toContain(
      '<div data-testid="decision-tree" data-id-prefix="why-tree-1">' +
        "question: &quot;Is it &lt;CPU&gt;-bound?&quot;\n  yes: use processes &amp; pools\n  no: asyncio</div>",
    );
    expect(out).toContain('data-id-prefix="why-tree-2">second</div>');
    expect(out).not.toContain("shiki");
    expect(out).not.toContain("code-block");
  });
});

describe("renderMarkdown: headings", () => {
  it("gives headings prefixed github-slugger ids without user-content-", async () => {
    const out = await html(
      "### CPU-bound work\n\n### CPU-bound work\n\n### Ünïcode & C++ \n\nSee [above](#cpu-bound-work).[^n]\n\n[^n]: A note.",
    );
    expect(out).toContain('<h3 id="solution-cpu-bound-work">CPU-bound work</h3>');
    expect(out).toContain('<h3 id="solution-cpu-bound-work-1">CPU-bound work</h3>');
    expect(out).toContain('<h3 id="solution-ünïcode--c">');
    // In-field anchors and footnotes are rewritten to the prefixed ids.
    expect(out).toContain('<a href="#solution-cpu-bound-work">above</a>');
    expect(out).toContain('href="#solution-fn-n" id="solution-fnref-n"');
    expect(out).toContain('<li id="solution-fn-n">');
    expect(out).not.toContain("user-content-");
  });

  it("demotes the shallowest heading to h3", async () => {
    const out = await html("# One\n\n## Two\n\n### Three\n\n###### Six");
    expect(out).toContain('<h3 id="solution-one">One</h3>');
    expect(out).toContain('<h4 id="solution-two">Two</h4>');
    expect(out).toContain('<h5 id="solution-three">Three</h5>');
    expect(out).toContain('<h6 id="solution-six">Six</h6>');
    expect(out).not.toMatch(/<h[12][ >]/);
  });

  it("promotes a document whose shallowest heading is h4", async () => {
    const out = await html("#### Deep\n\n##### Deeper", "context");
    expect(out).toContain('<h3 id="context-deep">Deep</h3>');
    expect(out).toContain('<h4 id="context-deeper">Deeper</h4>');
  });
});

describe("renderMarkdown: GFM", () => {
  it("wraps tables in a scrollable, focusable div", async () => {
    const out = await html("| a | b |\n|---|---|\n| 1 | [x](https://t.example) |");
    expect(out).toMatch(/^<div class="table-scroll" tabindex="0"><table><thead><tr><th>a<\/th>/);
    expect(out).toContain('<td><a href="https://t.example" rel="nofollow ugc noopener noreferrer">x</a></td>');
    expect(out.match(/table-scroll/g)).toHaveLength(1);
  });

  it("renders task lists and strikethrough", async () => {
    const out = await html("- [x] done\n- [ ] todo\n\n~~old~~");
    expect(out).toContain('<input type="checkbox" disabled="" checked=""/> done');
    expect(out).toContain("<del>old</del>");
  });
});

describe("highlighter", () => {
  it("is a process-wide singleton", () => {
    expect(getHighlighter()).toBe(getHighlighter());
  });

  it("maps fence names case-insensitively and falls back to text", () => {
    expect(resolveLanguage("TSX")).toBe("tsx");
    expect(resolveLanguage("console")).toBe("bash");
    expect(resolveLanguage("yml")).toBe("yaml");
    expect(resolveLanguage("cobol")).toBe("text");
    expect(resolveLanguage(undefined)).toBe("text");
  });
});
