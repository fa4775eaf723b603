-- CreateIndex
CREATE INDEX "tickets_sla_due_at_desc_nulls_last_id_idx" ON "tickets"("sla_due_at" DESC NULLS LAST, "id" DESC);

-- CreateIndex
CREATE INDEX "tickets_status_id_idx" ON "tickets"("status", "id");
