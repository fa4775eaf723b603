-- CreateEnum
CREATE TYPE "InboundStatus" AS ENUM ('pending', 'processed', 'ignored', 'dead');

-- CreateTable
CREATE TABLE "inbound_emails" (
    "id" UUID NOT NULL,
    "source" TEXT NOT NULL,
    "message_id" TEXT,
    "provider_id" TEXT,
    "raw" BYTEA,
    "from_email" TEXT,
    "subject" TEXT,
    "status" "InboundStatus" NOT NULL DEFAULT 'pending',
    "outcome" TEXT,
    "ticket_id" UUID,
    "posted_message_id" UUID,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "locked_until" TIMESTAMPTZ(3),
    "last_error" TEXT,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processed_at" TIMESTAMPTZ(3),

    CONSTRAINT "inbound_emails_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "inbound_emails_message_id_key" ON "inbound_emails"("message_id");

-- CreateIndex
CREATE UNIQUE INDEX "inbound_emails_provider_id_key" ON "inbound_emails"("provider_id");

-- CreateIndex
CREATE INDEX "inbound_emails_status_next_attempt_at_idx" ON "inbound_emails"("status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "inbound_emails_from_email_received_at_idx" ON "inbound_emails"("from_email", "received_at");

-- CreateIndex
CREATE INDEX "inbound_emails_posted_message_id_idx" ON "inbound_emails"("posted_message_id");
