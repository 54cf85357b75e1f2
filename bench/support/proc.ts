/** Processes as Linux's `/proc` shows them: who is whose child, and the CPU each has used. */
import fs from 'node:fs';

/** `/proc/<pid>/stat` counts CPU in clock ticks, 100 per second on Linux (`getconf CLK_TCK`). */
const TICKS_PER_SECOND = 100;

/** The fields after the command name, which may hold spaces and parentheses; null once the process is gone. */
function statFields(pid: number): string[] | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

export function parentPid(pid: number): number | null {
  const fields = statFields(pid);
  return fields ? Number(fields[1]) : null;
}

export function childPids(pid: number): number[] {
  return fs
    .readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((candidate) => parentPid(candidate) === pid);
}

/**
 * CPU seconds used by `pid` and every child of it, living (their own time) or ended and waited
 * for (counted in the parent's `cutime`/`cstime`), so the difference between two readings is
 * the whole family's use in between even when children come and go.
 */
export function familyCpuSeconds(pid: number): number {
  const fields = statFields(pid);
  if (!fields) return 0;
  // utime, stime, cutime, cstime are fields 14–17 of stat, 11–14 counted from the state (index 0).
  const own = [11, 12, 13, 14].reduce((sum, index) => sum + Number(fields[index]), 0);
  const children = childPids(pid).reduce((sum, child) => {
    const childFields = statFields(child);
    return sum + (childFields ? Number(childFields[11]) + Number(childFields[12]) : 0);
  }, 0);
  return (own + children) / TICKS_PER_SECOND;
}

/**
 * Microseconds during which at least one task waited for a CPU since boot (Linux pressure
 * stall information); null where the kernel does not offer it. Over a window, the difference
 * divided by the window's length is the share of time the machine's CPUs were oversubscribed.
 */
export function cpuPressureMicros(): number | null {
  try {
    const some = /^some .*total=(\d+)$/m.exec(fs.readFileSync('/proc/pressure/cpu', 'utf8'));
    return some ? Number(some[1]) : null;
  } catch {
    return null;
  }
}
