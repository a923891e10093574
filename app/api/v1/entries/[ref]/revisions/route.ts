import { createRevisionResponse, listRevisionsResponse } from "@/lib/api/entry-routes";
import { db } from "@/lib/db";

type Params = { params: Promise<{ ref: string }> };

export async function GET(request: Request, { params }: Params) {
  return listRevisionsResponse({ db, request, ref: (await params).ref });
}

export async function POST(request: Request, { params }: Params) {
  return createRevisionResponse({ db, request, ref: (await params).ref });
}
