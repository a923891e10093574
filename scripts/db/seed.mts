// npm run db:seed — adds the hand-written entries that are missing (see prisma/seed/seed.ts).
import { createDb } from "../../lib/db.ts";
import { seedDatabase } from "../../prisma/seed/seed.ts";

const db = createDb();
try {
  const report = await seedDatabase({ db });
  console.log(
    `Seed: ${report.entriesCreated} entries added, ${report.entriesKept} already present, ${report.usersCreated} users added; the guide's revision 1: ${report.guideRevision1}.`,
  );
} finally {
  await db.$disconnect();
}
