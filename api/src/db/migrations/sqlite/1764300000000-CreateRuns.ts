import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateRuns1764300000000 implements MigrationInterface {
  name = 'CreateRuns1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "runs" (
      "id" varchar(36) PRIMARY KEY NOT NULL,
      "benchmark" varchar(512) NOT NULL,
      "model" varchar(512) NOT NULL,
      "status" varchar(16) NOT NULL,
      "config" text NOT NULL,
      "command" text NOT NULL,
      "createdAt" varchar(32) NOT NULL,
      "startedAt" varchar(32),
      "finishedAt" varchar(32),
      "exitCode" integer,
      "error" text,
      "pid" integer,
      "progressCompleted" integer,
      "progressTotal" integer,
      "primaryMetricName" varchar(256),
      "primaryMetricValue" double precision,
      "primaryMetricStderr" double precision
    )`);
    await q.query(`CREATE INDEX "IDX_runs_created" ON "runs" ("createdAt", "id")`);
    await q.query(`CREATE INDEX "IDX_runs_status" ON "runs" ("status")`);
    await q.query(`CREATE INDEX "IDX_runs_benchmark" ON "runs" ("benchmark")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "runs"`);
  }
}
