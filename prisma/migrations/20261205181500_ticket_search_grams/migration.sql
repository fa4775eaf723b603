-- Search terms of one or two characters (DRF substring semantics): the trigram indexes cannot
-- serve them (a trigram needs three characters), so a rare short term read every ticket.
-- search_grams holds every distinct character and pair of adjacent characters of
-- lower(subject) and lower(description), and the same of lower(number) prefixed with '#'.
-- The list looks a short term up here (GIN, `&&`) and still tests the ILIKE on the row, so
-- the grams only ever narrow the candidates, never decide a match on their own.
--
-- Built from C-level string functions only (regexp_replace pairs the characters at even and
-- at odd offsets, array_to_tsvector sorts and removes duplicates): about 50 µs per ticket.
-- \x01 separates the pieces, a piece's unpaired last character becomes a one-character
-- element, which the single characters include anyway.
CREATE FUNCTION "ticket_search_grams"(subject text, description text, number text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT tsvector_to_array(array_to_tsvector(array_remove(
      string_to_array(
        regexp_replace(s, '(..)', E'\\1\x01', 'g') || E'\x01' ||
        regexp_replace(substr(s, 2), '(..)', E'\\1\x01', 'g') || E'\x01' ||
        regexp_replace(n, '(..)', E'#\\1\x01', 'g') || E'\x01' ||
        regexp_replace(substr(n, 2), '(..)', E'#\\1\x01', 'g') || E'\x01' ||
        regexp_replace(n, '(.)', E'#\\1\x01', 'g'),
        E'\x01')
      || string_to_array(s, NULL),
      '')))
  FROM (SELECT lower(coalesce(subject, '') || E'\x01' || coalesce(description, '')) AS s,
               lower(coalesce(number, '')) AS n) v
$$;

-- AlterTable
ALTER TABLE "tickets" ADD COLUMN "search_grams" TEXT[] GENERATED ALWAYS AS ("ticket_search_grams"("subject", "description", "number")) STORED;

-- CreateIndex
CREATE INDEX "tickets_search_grams_gin_idx" ON "tickets" USING GIN ("search_grams");
