import { apiVoteResponse } from "@/lib/api/entry-routes";
import { db } from "@/lib/db";

type Params = { params: Promise<{ ref: string }> };

export async function POST(request: Request, { params }: Params) {
  return apiVoteResponse({ db, request, ref: (await params).ref });
}
