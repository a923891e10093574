import type { ComponentProps } from "react";
import { CopyButton } from "./CopyButton";

export type CodeBlockProps = ComponentProps<"pre"> & { "data-language"?: string };

/**
 * A highlighted `<pre>` (from shiki) with a language label and a copy button.
 * Server component; only CopyButton ships JS.
 */
export function CodeBlock({ "data-language": language, ...preProps }: CodeBlockProps) {
  return (
    <div className="code-block" data-code-block="">
      <div className="code-block-bar">
        <span className="code-block-lang">{language ?? ""}</span>
        <CopyButton />
      </div>
      <pre {...preProps} />
    </div>
  );
}
