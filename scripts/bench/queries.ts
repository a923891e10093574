// The benchmark's fixed search queries: common and rare words, filters, a phrase, nasty input,
// a pasted error message recorded in a generated entry (with another path and line number),
// and one matching nothing.
import { generateEntries } from "./generate.ts";

export function benchQueries(): { name: string; q: string }[] {
  const recorded = generateEntries(500)
    .flatMap((entry) => entry.content.errorMessages)
    .find((message) => message.includes("/srv/app/") && message.includes("line"))!;
  const pasted = recorded
    .replace(/\/srv\/app\//g, "/home/someone/checkout/")
    .replace(/line \d+/g, "line 7")
    .replace(/'/g, '"');
  return [
    { name: "two words", q: "connection pool" },
    { name: "one common word", q: "error" },
    { name: "rare word", q: "tenants" },
    { name: "three words", q: "memory leak workers" },
    { name: "tag + words", q: "[python] timeout retries" },
    { name: "fields + word", q: "category:debug language:rust borrow" },
    { name: "phrase", q: '"race condition"' },
    { name: "pasted error (exact)", q: pasted },
    {
      name: "pasted error (novel)",
      q: `Error: ETIMEDOUT connect 10.0.0.12:5432 at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1595:16) during "checkout" job`,
    },
    { name: "SQL-looking", q: `'); DROP TABLE "Entry"; -- OR 1=1` },
    { name: "no match", q: "xylophone quasar" },
  ];
}
