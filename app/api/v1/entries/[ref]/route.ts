import { getEntryResponse } from "@/lib/api/entry-routes";
import { db } from "@/lib/db";

type Params = { params: Promise<{ ref: string }> };

export async function GET(request: Request, { params }: Params) {
  return getEntryResponse({ db, request, ref: (await params).ref });
}
