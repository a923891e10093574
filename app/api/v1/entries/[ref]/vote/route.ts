import { voteResponse } from "@/lib/api/entry-routes";
import { db } from "@/lib/db";

type Params = { params: Promise<{ ref: string }> };

export async function POST(request: Request, { params }: Params) {
  return voteResponse({ db, request, ref: (await params).ref });
}
