import "server-only";
import type { Db, Tx } from "@/lib/db";

/** Thrown inside a transaction to roll back everything it wrote and answer with `result`. */
export class Refusal<T> extends Error {
  constructor(readonly result: T) {
    super("refused");
  }
}

export function refuse<T>(result: T): never {
  throw new Refusal(result);
}

/** Runs `work` in a transaction; a `refuse(result)` inside it rolls back and returns `result`. */
export async function transactionOrRefusal<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await db.$transaction(work);
  } catch (error) {
    if (error instanceof Refusal) return error.result as T;
    throw error;
  }
}
