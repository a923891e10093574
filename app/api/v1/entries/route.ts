import { createEntryResponse } from "@/lib/api/entry-routes";
import { apiListEntriesResponse } from "@/lib/api/list-entries";
import { db } from "@/lib/db";

export async function GET(request: Request) {
  return apiListEntriesResponse({ db, request });
}

export async function POST(request: Request) {
  return createEntryResponse({ db, request });
}
