// Preloaded (`node --import`) into each process the generate benchmark measures: on exit it
// writes the process's own CPU time (user + system, every thread) to $BENCH_CPU_FILE.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  const { userCPUTime, systemCPUTime } = process.resourceUsage();
  writeFileSync(process.env.BENCH_CPU_FILE, String(userCPUTime + systemCPUTime));
});
