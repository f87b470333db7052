import fs from 'node:fs';
import { signalProcessGroup } from '../openbench/process.js';

/** Set in the environment of every run's process (inherited by whatever bench starts). */
export const RUN_ID_VARIABLE = 'OPENBENCH_WEB_RUN_ID';

/**
 * Kills the process group a previous process started for a run, if any of its members is
 * still alive. A group is only touched when one of its processes carries the run's id — in
 * its environment or on its command line (bench's --log-dir) — so a recycled pid is never
 * signalled. bench itself dies with its parent (process.ts); what it started may not.
 */
export function killOrphanedGroup(pgid: number | null, runId: string): boolean {
  if (!pgid) return false;
  const members = processGroupMembers(pgid);
  const marker = `${RUN_ID_VARIABLE}=${runId}`;
  const ours = members.some((pid) => commandLine(pid).includes(runId) || environment(pid).includes(marker));
  if (!ours) return false;
  return signalProcessGroup(pgid, 'SIGKILL');
}

/**
 * The live processes of a group. Zombies are left out: they are already dead and hold
 * nothing but a table entry until whoever adopted them (often a container's PID 1, which
 * may reap late or never) collects their status.
 */
export function processGroupMembers(pgid: number): number[] {
  let entries: string[];
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return [];
  }
  const members: number[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the parenthesised command name: state ppid pgrp …
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === pgid && fields[0] !== 'Z' && fields[0] !== 'X') members.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return members;
}

function environment(pid: number): string[] {
  try {
    return fs.readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
  } catch {
    return [];
  }
}

function commandLine(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}
