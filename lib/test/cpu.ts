/**
 * CPU milliseconds of the fastest of a few runs. Wall time says little on a loaded, shared
 * machine; CPU time of the fastest run says what the work itself costs.
 */
export async function fastestCpuMs(run: () => unknown, runs = 3): Promise<number> {
  let fastest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const started = process.cpuUsage();
    await run();
    const { user, system } = process.cpuUsage(started);
    fastest = Math.min(fastest, (user + system) / 1000);
  }
  return fastest;
}
