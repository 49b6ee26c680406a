// The server's CPU time, read from Linux's /proc by whichever process drives the load.
import { readFileSync } from 'node:fs';
import type { LoadResult } from './stats.js';

/** CPU seconds (user + system) from a /proc stat file; undefined off Linux. */
function cpuSecondsOf(statFile: string): number | undefined {
  try {
    const fields = readFileSync(statFile, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in USER_HZ ticks
  } catch {
    return undefined;
  }
}

export interface ServerCpu {
  all?: number;
  loop?: number;
}

/** The server's CPU seconds: all its threads, and its main thread (the event loop) alone. */
export function serverCpu(pid: number | undefined): ServerCpu {
  if (pid === undefined) return {};
  return { all: cpuSecondsOf(`/proc/${pid}/stat`), loop: cpuSecondsOf(`/proc/${pid}/task/${pid}/stat`) };
}

const spent = (start: number | undefined, end: number | undefined) => (start === undefined || end === undefined ? undefined : end - start);

/** What a load result reports of the server's CPU between two readings. */
export function cpuFields(start: ServerCpu, end: ServerCpu, seconds: number, responses: number): Pick<LoadResult, 'serverCpuUsPerRequest' | 'serverCpuUtilisation' | 'serverLoopUtilisation'> {
  const cpu = spent(start.all, end.all);
  const loop = spent(start.loop, end.loop);
  return {
    ...(cpu === undefined ? {} : { serverCpuUsPerRequest: (cpu / Math.max(1, responses)) * 1e6, serverCpuUtilisation: cpu / seconds }),
    ...(loop === undefined ? {} : { serverLoopUtilisation: loop / seconds }),
  };
}
