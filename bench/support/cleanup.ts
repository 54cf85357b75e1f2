/**
 * Everything a bench starts (servers, clusters, temporary folders) registers how to
 * undo it here, so that an error, Ctrl-C or a watchdog leaves nothing running behind.
 */
type Cleanup = () => Promise<void> | void;

const cleanups: Cleanup[] = [];
let signalsInstalled = false;

/** Registers an undo step; returns a function that runs it once and unregisters it. */
export function onCleanup(cleanup: Cleanup): () => Promise<void> {
  installSignalHandlers();
  cleanups.push(cleanup);
  return async () => {
    const index = cleanups.indexOf(cleanup);
    if (index === -1) return;
    cleanups.splice(index, 1);
    await cleanup();
  };
}

/** Runs every pending undo step, newest first, reporting failures without stopping. */
export async function runCleanups(): Promise<void> {
  while (cleanups.length > 0) {
    const cleanup = cleanups.pop()!;
    try {
      await cleanup();
    } catch (error) {
      console.error('cleanup failed:', error);
    }
  }
}

/** Ends the process after a bound, cleaning up first, so that a stuck run cannot hang CI. */
export function exitAfter(ms: number, what: string): void {
  const timer = setTimeout(() => {
    console.error(`${what} took more than ${Math.round(ms / 1000)} s; stopping`);
    void runCleanups().finally(() => process.exit(1));
  }, ms);
  // The bound must not be what keeps a finished run alive.
  timer.unref();
}

function installSignalHandlers() {
  if (signalsInstalled) return;
  signalsInstalled = true;
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    process.once(signal, () => {
      void runCleanups().finally(() => process.exit(code));
    });
  }
}
