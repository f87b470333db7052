import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAuth1764320000000 implements MigrationInterface {
  name = 'CreateAuth1764320000000';

  async up(q: QueryRunner): Promise<void> {
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
    // Runs from before accounts existed have no owner; only admins see them.
    await q.query(`ALTER TABLE "runs" ADD COLUMN "ownerId" varchar(36)`);
    await q.query(`CREATE INDEX "IDX_runs_owner_created" ON "runs" ("ownerId", "createdAt", "id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_runs_owner_created"`);
    await q.query(`ALTER TABLE "runs" DROP COLUMN "ownerId"`);
    await q.query(`DROP TABLE "provider_keys"`);
    await q.query(`DROP TABLE "sessions"`);
    await q.query(`DROP TABLE "users"`);
  }
}
