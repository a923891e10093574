import { db } from "@/lib/db";
import { jsonOk } from "@/lib/http/json";
import { tagPath } from "@/lib/tags/names";
import { listTagsWithCounts } from "@/lib/tags/store";

/** Every tag of a listed entry, most used first. */
export async function GET(request: Request) {
  const origin = new URL(request.url).origin;
  const tags = await listTagsWithCounts({ db });
  return jsonOk({
    tags: tags.map((tag) => ({
      name: tag.name,
      entryCount: tag.entryCount,
      url: new URL(tagPath(tag.name), origin).href,
    })),
  });
}
