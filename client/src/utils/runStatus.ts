import type { RunStatus } from '@/graphql/graphql';

interface StatusLook {
  label: string;
  color: string;
  icon: string;
}

/** The one mapping of run status to chip colour and icon (design: "the same colours everywhere"). */
export const RUN_STATUS_LOOK: Record<RunStatus, StatusLook> = {
  QUEUED: { label: 'Queued', color: 'grey', icon: 'mdi-clock-outline' },
  RUNNING: { label: 'Running', color: 'blue', icon: 'mdi-play' },
  COMPLETED: { label: 'Completed', color: 'green', icon: 'mdi-check-circle' },
  FAILED: { label: 'Failed', color: 'red', icon: 'mdi-alert-circle' },
  CANCELED: { label: 'Canceled', color: 'amber-darken-2', icon: 'mdi-cancel' },
  INTERRUPTED: { label: 'Interrupted', color: 'purple', icon: 'mdi-lightning-bolt' },
};

/** Statuses a run never leaves: polling can stop, Re-run becomes available. */
export function isTerminal(status: RunStatus): boolean {
  return status !== 'QUEUED' && status !== 'RUNNING';
}

/**
 * How far along a status is. Statuses only move forward, so of two snapshots of the same run
 * (a query answer and a pushed event that crossed it) the one further along is the newer.
 */
export function statusRank(status: RunStatus): number {
  return status === 'QUEUED' ? 0 : status === 'RUNNING' ? 1 : 2;
}
