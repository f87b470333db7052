import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSamples1764310000000 implements MigrationInterface {
  name = 'CreateSamples1764310000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "samples" (
      "rowId" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
      "runId" varchar(36) NOT NULL,
      "sampleId" varchar(512) NOT NULL,
      "epoch" integer NOT NULL,
      "position" integer NOT NULL,
      "correct" boolean,
      "scoreValue" varchar(64),
      "scores" text NOT NULL,
      "inputPreview" text NOT NULL,
      "targetPreview" text NOT NULL,
      "answerPreview" text NOT NULL,
      "metadata" text NOT NULL,
      "totalTokens" integer,
      "totalTime" double precision,
      "error" text,
      "logOffset" bigint NOT NULL,
      "logLength" integer NOT NULL
    )`);
    await q.query(`CREATE UNIQUE INDEX "IDX_samples_run_sample" ON "samples" ("runId", "sampleId", "epoch")`);
    await q.query(`CREATE INDEX "IDX_samples_run_position" ON "samples" ("runId", "position")`);
    await q.query(`ALTER TABLE "runs" ADD COLUMN "sampleCount" integer`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "samples"`);
    await q.query(`ALTER TABLE "runs" DROP COLUMN "sampleCount"`);
  }
}
