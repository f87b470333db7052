/** The configuration of one run, as stored in config.json (schema_version 1). */
export interface RunConfig {
  schema_version: 1;
  /** Catalog key of the benchmark (or the directory name of a shipped local eval). */
  benchmark: string;
  /** What is passed to `bench eval`: the key, or the absolute directory of a local eval. */
  target: string;
  /** Experimental benchmarks need `--alpha`; set from the catalog, never by the client. */
  alpha: boolean;
  model: string;
  limit: number | null;
  temperature: number | null;
  top_p: number | null;
  max_tokens: number | null;
  timeout: number | null;
  epochs: number | null;
  max_connections: number | null;
  seed: number | null;
  reasoning_effort: 'low' | 'medium' | 'high' | null;
  /** `-T key=value`; values are parsed as YAML by bench. */
  task_args: Record<string, string>;
  /** `-M key=value`; values are parsed as YAML by bench. */
  model_args: Record<string, string>;
  /** Versions of the Python side the run was started with, for comparability checks. */
  openbench_version: string | null;
}
