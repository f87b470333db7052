/** Progress of a run as parsed from bench's `--display plain` output. */
export interface ProgressUpdate {
  completed: number;
  total: number;
  /** The first running metric on the line, e.g. accuracy, when bench prints one. */
  metric: { name: string; value: number } | null;
}

const SAMPLES = /Samples:\s*(\d+)\s*\/\s*(\d+)/;
const STEPS = /Steps:\s*(\d+)\s*\/\s*(\d+)/;
// `task (36 samples): model`, or `task (36 x 2 samples): model` with epochs.
const HEADER = /\((\d+)(?: x (\d+))? samples?\)\s*:/;
// The segment after Samples: is "name: value" for the first scorer metric.
const METRIC = /\|\s*([A-Za-z_][\w./-]*):\s*(-?\d+(?:\.\d+)?)\s*(?:\||$)/;

/**
 * Parses one stdout line. Sample counts win over step counts (steps multiply samples by
 * epochs); a task header gives the total before the first progress line appears.
 */
export function parseProgressLine(line: string): ProgressUpdate | null {
  const samples = SAMPLES.exec(line) ?? STEPS.exec(line);
  if (samples) {
    const metricMatch = METRIC.exec(line.slice(samples.index + samples[0].length));
    const metric =
      metricMatch && !/^(HTTP|Samples|Steps)/.test(metricMatch[1]!)
        ? { name: metricMatch[1]!, value: Number(metricMatch[2]) }
        : null;
    return { completed: Number(samples[1]), total: Number(samples[2]), metric };
  }
  const header = HEADER.exec(line);
  if (header) return { completed: 0, total: Number(header[1]) * Number(header[2] ?? 1), metric: null };
  return null;
}
