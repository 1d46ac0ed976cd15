import "server-only";
import { describeJobError, tickDelayMs } from "@/lib/domain/jobs";
import { newRunnerId, runDueJobs, syncJobSchedules } from "./runner";

// The ticker each app process runs (started from instrumentation.ts): every ~30 s, with jitter so
// processes started together do not all ask at once, it runs the due jobs. Nothing it does may
// crash the process: a failing job is recorded as FAILED, a failing tick (database away) is logged
// and the next tick tries again.

export type JobTicker = { runner: string; stop: () => Promise<void> };

const log = (line: string) => console.log(line);

/** Starts this process's ticker; `stopOnSignals` stops it (no new claims) on SIGTERM / SIGINT. */
export function startJobTicker({ stopOnSignals = false } = {}): JobTicker {
  const runner = newRunnerId();
  let synced = false;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let current: Promise<void> = Promise.resolve();

  const tick = async () => {
    try {
      if (!synced) {
        await syncJobSchedules();
        synced = true;
      }
      await runDueJobs({ runner, log });
    } catch (error) {
      console.error(`[jobs] tick failed: ${describeJobError(error)}`);
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      current = tick().finally(schedule);
    }, tickDelayMs(Math.random()));
    // A pending tick never keeps the process alive.
    timer.unref();
  };
  schedule();
  log(`[jobs] runner ${runner} started`);

  const stop = async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await current;
  };
  if (stopOnSignals) {
    // The server's own handler closes it; a run in flight is cut off and its lease lapses.
    process.once("SIGTERM", () => void stop());
    process.once("SIGINT", () => void stop());
  }
  return { runner, stop };
}
