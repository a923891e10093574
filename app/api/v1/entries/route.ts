import { createEntryResponse } from "@/lib/api/entry-routes";
import { listEntriesResponse } from "@/lib/api/list-entries";
import { db } from "@/lib/db";

export async function GET(request: Request) {
  return listEntriesResponse({ db, request });
}

export async function POST(request: Request) {
  return createEntryResponse({ db, request });
}
