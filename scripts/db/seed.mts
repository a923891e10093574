// npm run db:seed — adds the hand-written entries that are missing (see prisma/seed/seed.ts).
import { createDb } from "../../lib/db.ts";
import { seedDatabase } from "../../prisma/seed/seed.ts";

const db = createDb();
try {
  const report = await seedDatabase({ db });
  console.log(
    `Seed: ${report.entriesCreated} entries added, ${report.entriesKept} already present, ${report.usersCreated} users added.`,
  );
} finally {
  await db.$disconnect();
}
