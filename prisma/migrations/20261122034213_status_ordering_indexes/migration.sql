-- CreateIndex
CREATE INDEX "tickets_status_sla_due_at_id_idx" ON "tickets"("status", "sla_due_at", "id");

-- CreateIndex
CREATE INDEX "tickets_status_priority_rank_id_idx" ON "tickets"("status", "priority_rank", "id");

-- CreateIndex
CREATE INDEX "tickets_status_created_at_id_idx" ON "tickets"("status", "created_at", "id");
