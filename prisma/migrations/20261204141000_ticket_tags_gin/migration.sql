-- CreateIndex
CREATE INDEX "tickets_tags_gin_idx" ON "tickets" USING GIN ("tags");

-- Tags are stored normalized from now on (trimmed, inner spaces collapsed, lower-case, no
-- duplicates, first occurrence kept): bring existing rows in line so filters match them.
UPDATE "tickets" t SET "tags" = COALESCE((
  SELECT array_agg(n.tag ORDER BY n.first)
  FROM (
    SELECT lower(regexp_replace(btrim(x.tag), '\s+', ' ', 'g')) AS tag, min(x.ord) AS first
    FROM unnest(t."tags") WITH ORDINALITY AS x(tag, ord)
    WHERE btrim(x.tag) <> ''
    GROUP BY 1
  ) n
), '{}')
WHERE cardinality(t."tags") > 0;
