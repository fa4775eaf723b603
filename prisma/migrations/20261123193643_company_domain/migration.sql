-- AlterTable
ALTER TABLE "companies" ADD COLUMN     "domain" TEXT;

-- CreateIndex
CREATE INDEX "companies_domain_trgm_idx" ON "companies" USING GIN ("domain" gin_trgm_ops);
