// The processes of one execution environment, read from Linux's /proc: the runtime process, its process
// group, its descendants, and processes that left both (setsid and a double fork) but still carry the
// environment's marker in their environment. AWS bounds all of them by the environment's cgroup; the
// sandbox finds them here to measure their memory and to end them. Where /proc is missing (macOS), only
// the process group is known and memory is not measured.

import { readdirSync, readFileSync } from 'node:fs';

export const PROC_AVAILABLE = (() => {
  try {
    readFileSync('/proc/self/stat');
    return true;
  } catch {
    return false;
  }
})();

interface ProcessStat {
  pid: number;
  ppid: number;
  pgrp: number;
  /** Clock ticks after boot: a process started before the runtime cannot belong to it. */
  start: number;
}

/** pid, ppid, process group and start time from /proc/<pid>/stat (the command name may hold spaces and parentheses). */
function readStat(pid: number): ProcessStat | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'latin1');
  } catch {
    return undefined;
  }
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return { pid, ppid: Number(fields[1]), pgrp: Number(fields[2]), start: Number(fields[19]) };
}

function allPids(): number[] {
  try {
    return readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .map(Number);
  } catch {
    return [];
  }
}

function carriesMarker(pid: number, marker: string): boolean {
  try {
    return readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0').includes(marker);
  } catch {
    return false;
  }
}

/** The runtime process as it started: its pid and start time, which outlive it (its children keep its group). */
export interface RuntimeProcess {
  pid: number;
  start: number;
}

export function runtimeProcess(pid: number): RuntimeProcess {
  return { pid, start: readStat(pid)?.start ?? 0 };
}

/**
 * Every live process of the environment whose runtime is `runtime`, the runtime included while it lives,
 * even after the runtime itself ended. `marker` is a `NAME=value` line unique to the environment's
 * variables; processes are looked for by it only when given (a read per process started after the runtime).
 */
export function environmentProcesses(runtime: RuntimeProcess, marker?: string): number[] {
  if (!PROC_AVAILABLE) return [runtime.pid];
  const runtimePid = runtime.pid;
  const stats = allPids()
    .map(readStat)
    .filter((s): s is ProcessStat => s !== undefined && s.start >= runtime.start);
  const members = new Set<number>(stats.some((s) => s.pid === runtimePid) ? [runtimePid] : []);
  for (const s of stats) if (s.pgrp === runtimePid) members.add(s.pid);
  // Descendants: repeat until no new child is found (parents may be listed after their children).
  for (let grew = true; grew; ) {
    grew = false;
    for (const s of stats) {
      if (!members.has(s.pid) && (members.has(s.ppid) || s.ppid === runtimePid)) {
        members.add(s.pid);
        grew = true;
      }
    }
  }
  if (marker) for (const s of stats) if (!members.has(s.pid) && carriesMarker(s.pid, marker)) members.add(s.pid);
  return [...members];
}

/** Whether a process has ended and only waits for its parent to collect it (a kill has nothing left to do). */
export function isZombie(pid: number): boolean {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'latin1');
    return text.slice(text.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return true;
  }
}

/** Resident memory of one process in bytes (VmRSS), 0 when it is gone or unknown. */
export function residentBytes(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'latin1'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Sends SIGKILL to each process (and to the runtime's group), ignoring the ones already gone. */
export function killProcesses(pids: Iterable<number>, group?: number): void {
  if (group !== undefined) {
    try {
      process.kill(-group, 'SIGKILL');
    } catch {
      // the group is already empty
    }
  }
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}
