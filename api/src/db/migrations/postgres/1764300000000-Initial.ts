import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The whole schema on PostgreSQL, equal to the SQLite migrations up to 1764320000000 (runs,
 * samples, accounts). Later changes get migrations of their own in both folders.
 */
export class Initial1764300000000 implements MigrationInterface {
  name = 'Initial1764300000000';

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
      "primaryMetricStderr" double precision,
      "sampleCount" integer,
      "ownerId" varchar(36)
    )`);
    await q.query(`CREATE INDEX "IDX_runs_created" ON "runs" ("createdAt", "id")`);
    await q.query(`CREATE INDEX "IDX_runs_status" ON "runs" ("status")`);
    await q.query(`CREATE INDEX "IDX_runs_benchmark" ON "runs" ("benchmark")`);
    await q.query(`CREATE INDEX "IDX_runs_owner_created" ON "runs" ("ownerId", "createdAt", "id")`);
    await q.query(`CREATE TABLE "samples" (
      "rowId" SERIAL PRIMARY KEY,
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
    await q.query(`CREATE TABLE "users" (
      "id" varchar(36) PRIMARY KEY NOT NULL,
      "username" varchar(64) NOT NULL UNIQUE,
      "passwordHash" varchar(256) NOT NULL,
      "role" varchar(16) NOT NULL,
      "createdAt" varchar(32) NOT NULL
    )`);
    await q.query(`CREATE TABLE "sessions" (
      "tokenHash" varchar(64) PRIMARY KEY NOT NULL,
      "userId" varchar(36) NOT NULL,
      "createdAt" varchar(32) NOT NULL,
      "lastSeenAt" varchar(32) NOT NULL,
      "expiresAt" varchar(32) NOT NULL
    )`);
    await q.query(`CREATE INDEX "IDX_sessions_user" ON "sessions" ("userId")`);
    await q.query(`CREATE TABLE "provider_keys" (
      "userId" varchar(36) NOT NULL,
      "provider" varchar(64) NOT NULL,
      "ciphertext" text NOT NULL,
      "nonce" varchar(32) NOT NULL,
      "tag" varchar(32) NOT NULL,
      "keyId" varchar(16) NOT NULL,
      "last4" varchar(4) NOT NULL,
      "updatedAt" varchar(32) NOT NULL,
      PRIMARY KEY ("userId", "provider")
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['provider_keys', 'sessions', 'users', 'samples', 'runs'])
      await q.query(`DROP TABLE "${table}"`);
  }
}
