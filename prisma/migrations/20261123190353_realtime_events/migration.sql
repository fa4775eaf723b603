-- CreateTable
CREATE TABLE "realtime_events" (
    "seq" BIGSERIAL NOT NULL,
    "type" TEXT NOT NULL,
    "ticket_id" UUID NOT NULL,
    "is_internal" BOOLEAN NOT NULL DEFAULT false,
    "data" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "realtime_events_pkey" PRIMARY KEY ("seq")
);

-- CreateIndex
CREATE INDEX "realtime_events_created_at_idx" ON "realtime_events"("created_at");
