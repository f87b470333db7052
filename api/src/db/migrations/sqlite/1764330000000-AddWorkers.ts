import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Which worker process runs a run, and how often it was resumed after its worker died. */
export class AddWorkers1764330000000 implements MigrationInterface {
  name = 'AddWorkers1764330000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "runs" ADD COLUMN "workerName" varchar(256)`);
    await q.query(`ALTER TABLE "runs" ADD COLUMN "resumeCount" integer NOT NULL DEFAULT 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "runs" DROP COLUMN "resumeCount"`);
    await q.query(`ALTER TABLE "runs" DROP COLUMN "workerName"`);
  }
}
