/** "via agent <name>": written by a coding agent through MCP on its user's behalf. */
export function AgentMark({ name }: { name: string }) {
  return (
    <span
      className="ml-1 rounded bg-violet-100 px-1.5 py-0.5 text-xs font-medium text-violet-900 dark:bg-violet-900/50 dark:text-violet-100"
      title="Written by a coding agent through HiveBrain's MCP server; a person reviews it before it shows"
    >
      via agent {name}
    </span>
  );
}
