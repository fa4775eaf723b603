-- DropIndex
DROP INDEX "events_created_at_id_idx";

-- DropIndex
DROP INDEX "events_ticket_id_created_at_id_idx";

-- AlterTable
ALTER TABLE "events" ADD COLUMN     "seq" BIGSERIAL NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "events_seq_key" ON "events"("seq");

-- CreateIndex
CREATE INDEX "events_ticket_id_created_at_seq_idx" ON "events"("ticket_id", "created_at" DESC, "seq" DESC);

-- CreateIndex
CREATE INDEX "events_created_at_seq_idx" ON "events"("created_at" DESC, "seq" DESC);
