-- User-facing views. Recreated on every schema migration; safe to query from the served warehouse.

CREATE OR REPLACE VIEW v_articles AS
SELECT c.article_id, c.published_date, c.publisher, c.title, c.dateline_place, c.n_chars,
       r.url, r.source, r.source_path, r.line_no, c.text
FROM articles_clean c JOIN articles_raw r USING (article_id);
COMMENT ON VIEW v_articles IS 'Cleaned articles with their provenance (url, source, input file and line).';

CREATE OR REPLACE VIEW v_ingest_summary AS
SELECT run_id, outcome, coalesce(reason, '') AS reason, count(*) AS n_items, min(logged_at) AS first_logged
FROM ingest_log GROUP BY ALL ORDER BY first_logged, outcome, reason;
COMMENT ON VIEW v_ingest_summary IS 'Per run: how many input items were ingested, duplicates, or quarantined (by reason).';

CREATE OR REPLACE VIEW v_quarantine_reasons AS
SELECT reason, count(*) AS n_items, any_value(message) AS example_message, max(quarantined_at) AS last_seen
FROM quarantine GROUP BY reason ORDER BY n_items DESC;
COMMENT ON VIEW v_quarantine_reasons IS 'Quarantined input items by reason, with an example message.';

CREATE OR REPLACE VIEW v_cleaning_removals AS
SELECT rules_version, reason, rule_id, count(*) AS n_removals, count(DISTINCT article_id) AS n_articles
FROM cleaning_audit GROUP BY ALL ORDER BY n_removals DESC;
COMMENT ON VIEW v_cleaning_removals IS 'What the cleaner removed, by rule, over all articles.';

CREATE OR REPLACE VIEW v_dq_failures AS
SELECT run_id, asset, check_name, expectation, column_name, observed, unexpected_count, sample, evaluated_at,
       items, override
FROM dq_results WHERE NOT passed ORDER BY evaluated_at DESC;
COMMENT ON VIEW v_dq_failures IS 'Failed data-quality expectations, newest first, with the offending items (file, line, article, reason) of a systemic failure and any override that accepted it on purpose.';

CREATE OR REPLACE VIEW v_entity_actors AS
SELECT m.article_id, c.published_date, m.sentence_index, m.text, m.iso3, m.sector, m.actor_id, m.actor_kind,
       m.method, m.confidence, s.text AS sentence
FROM entity_mentions m
JOIN articles_clean c USING (article_id)
LEFT JOIN sentences s USING (article_id, sentence_index)
WHERE m.role = 'actor' AND (m.iso3 <> '' OR m.actor_kind = 'igo');
COMMENT ON VIEW v_entity_actors IS 'Resolved actor mentions (states, state organs, officials, IGOs) with their sentence.';

CREATE OR REPLACE VIEW v_country_mentions AS
SELECT iso3, count(*) AS n_mentions, count(DISTINCT article_id) AS n_articles
FROM entity_mentions WHERE iso3 <> '' AND role = 'actor' GROUP BY iso3 ORDER BY n_articles DESC;
COMMENT ON VIEW v_country_mentions IS 'How often each country is mentioned as an actor, over all articles.';

CREATE OR REPLACE VIEW v_event_sentences AS
SELECT e.event_id, e.event_date, e.source_iso3, e.target_iso3, e.cameo_code, e.goldstein, e.quad_class,
       e.counted_in_aggregates, m.mention_id, m.modality, m.trigger_text, m.sentence_text, m.article_id,
       r.url, r.source_path
FROM events e, unnest(e.mention_ids) AS u(mention_id)
JOIN event_mentions m USING (mention_id)
JOIN articles_raw r ON r.article_id = m.article_id;
COMMENT ON VIEW v_event_sentences IS 'Every event with the sentences (and source files/URLs) of its mentions.';

-- Country-pair (dyad) views and macros.
-- The placement expression in v_dyad_placed_events must match peristiwa.aggregates.dyads.PLACEMENT_SQL
-- (tests/aggregates checks that it does).

CREATE OR REPLACE VIEW v_dyad_placed_events AS
SELECT event_id, source_iso3 AS src_iso3, target_iso3 AS tgt_iso3, pair_id, cameo_code, quad_class, goldstein,
       num_articles, num_mentions, event_date, date_min, date_max, date_precision, placement,
       CASE WHEN placement = 'day' THEN lo END AS day,
       CASE WHEN placement IN ('day', 'month') THEN CAST(date_trunc('month', lo) AS DATE)
            WHEN placement = 'reported' THEN CAST(date_trunc('month', hi) AS DATE)
            WHEN placement = 'estimated' THEN CAST(date_trunc('month', event_date) AS DATE) END AS month
FROM (
    SELECT *, coalesce(date_min, CASE WHEN date_precision = 'day' THEN event_date END) AS lo,
           coalesce(date_max, CASE WHEN date_precision = 'day' THEN event_date END) AS hi,
           CASE
               WHEN coalesce(source_iso3, '') = '' OR coalesce(target_iso3, '') = '' OR source_iso3 = target_iso3
                   THEN 'invalid_dyad'
               WHEN lo IS NULL AND hi IS NOT NULL THEN 'reported'
               WHEN lo = hi THEN 'day'
               WHEN date_trunc('month', lo) = date_trunc('month', hi) THEN 'month'
               WHEN event_date IS NOT NULL THEN 'estimated'
               ELSE 'no_date' END AS placement
    FROM events WHERE counted_in_aggregates
);
COMMENT ON VIEW v_dyad_placed_events IS 'Every counted event with where the dyad panels put it: placement day (dyad_day + dyad_month), month (dyad_month only), reported (undated: dyad_month of the publication month), estimated (interval across months or open: dyad_month of event_date, its precision in date_precision) or unplaced (no_date, invalid_dyad).';

CREATE OR REPLACE VIEW v_dyad_unplaced_events AS
SELECT placement AS reason, src_iso3, tgt_iso3, event_id, cameo_code, goldstein, event_date, date_min, date_max,
       date_precision
FROM v_dyad_placed_events WHERE month IS NULL;
COMMENT ON VIEW v_dyad_unplaced_events IS 'Counted events in no dyad panel because they have no usable date (no_date: neither a best-estimate date nor a publication bound, e.g. an undated article whose text gives no absolute date) or their dyad is invalid (invalid_dyad); counted events = sum(dyad_month.n_events) + these.';

CREATE OR REPLACE VIEW v_dyad_series AS
SELECT src_iso3, tgt_iso3, month, n_events, n_verbal_cooperation, n_material_cooperation, n_verbal_conflict,
       n_material_conflict, n_verbal_cooperation + n_material_cooperation AS n_cooperation,
       n_verbal_conflict + n_material_conflict AS n_conflict, goldstein_sum, goldstein_mean,
       goldstein_weighted_mean, n_articles, n_sources
FROM dyad_month;
COMMENT ON VIEW v_dyad_series IS 'Monthly series of a directed pair: WHERE src_iso3 = ''IRN'' AND tgt_iso3 = ''PAK'' ORDER BY month (months without events are absent, not zero).';

CREATE OR REPLACE MACRO dyad_series(x, y) AS TABLE
SELECT s.src_iso3, s.tgt_iso3, m.month, coalesce(d.n_events, 0) AS n_events,
       coalesce(d.n_verbal_cooperation + d.n_material_cooperation, 0) AS n_cooperation,
       coalesce(d.n_verbal_conflict + d.n_material_conflict, 0) AS n_conflict,
       coalesce(d.goldstein_sum, 0) AS goldstein_sum, d.goldstein_mean
FROM (VALUES (x, y), (y, x)) AS s(src_iso3, tgt_iso3)
CROSS JOIN (SELECT DISTINCT month FROM dyad_month
            WHERE (src_iso3 = x AND tgt_iso3 = y) OR (src_iso3 = y AND tgt_iso3 = x)) m
LEFT JOIN dyad_month d USING (src_iso3, tgt_iso3, month)
ORDER BY m.month, s.src_iso3 = x DESC;
COMMENT ON MACRO TABLE dyad_series IS 'Both directions of a pair month by month, zero-filled over the months either direction has events: FROM dyad_series(''IRN'', ''PAK'').';

CREATE OR REPLACE MACRO top_partners(iso3, from_date, to_date) AS TABLE
WITH p AS (
    SELECT tgt_iso3 AS partner, 'outgoing' AS direction, * EXCLUDE (tgt_iso3) FROM dyad_month WHERE src_iso3 = iso3
    UNION ALL BY NAME
    SELECT src_iso3 AS partner, 'incoming' AS direction, * EXCLUDE (src_iso3) FROM dyad_month WHERE tgt_iso3 = iso3)
SELECT partner, CAST(sum(n_events) AS BIGINT) AS n_events,
       CAST(sum(n_events) FILTER (WHERE direction = 'outgoing') AS BIGINT) AS n_outgoing,
       CAST(sum(n_verbal_cooperation + n_material_cooperation) AS BIGINT) AS n_cooperation,
       CAST(sum(n_verbal_conflict + n_material_conflict) AS BIGINT) AS n_conflict,
       sum(goldstein_coop_sum) AS goldstein_coop_sum, sum(goldstein_conflict_sum) AS goldstein_conflict_sum,
       sum(goldstein_sum) AS net_goldstein,
       rank() OVER (ORDER BY sum(goldstein_coop_sum) DESC) AS cooperation_rank,
       rank() OVER (ORDER BY sum(goldstein_conflict_sum) ASC) AS conflict_rank
FROM p WHERE month >= date_trunc('month', CAST(from_date AS DATE)) AND month <= CAST(to_date AS DATE)
GROUP BY partner ORDER BY n_events DESC, partner;
COMMENT ON MACRO TABLE top_partners IS 'Partners of a country in a period (both directions, by month): FROM top_partners(''IRN'', ''2024-01-01'', ''2024-12-31'') ORDER BY cooperation_rank (or conflict_rank).';

CREATE OR REPLACE VIEW v_top_partners AS
WITH p AS (
    SELECT src_iso3 AS iso3, tgt_iso3 AS partner, * FROM dyad_month
    UNION ALL
    SELECT tgt_iso3 AS iso3, src_iso3 AS partner, * FROM dyad_month)
SELECT iso3, partner, CAST(sum(n_events) AS BIGINT) AS n_events,
       CAST(sum(n_verbal_cooperation + n_material_cooperation) AS BIGINT) AS n_cooperation,
       CAST(sum(n_verbal_conflict + n_material_conflict) AS BIGINT) AS n_conflict, sum(goldstein_sum) AS net_goldstein,
       rank() OVER (PARTITION BY iso3 ORDER BY sum(goldstein_coop_sum) DESC) AS cooperation_rank,
       rank() OVER (PARTITION BY iso3 ORDER BY sum(goldstein_conflict_sum) ASC) AS conflict_rank
FROM p GROUP BY iso3, partner;
COMMENT ON VIEW v_top_partners IS 'All-time partners of every country (events in either direction) with cooperation and conflict ranks; use top_partners(iso3, from, to) for a period.';

CREATE OR REPLACE VIEW v_dyad_cell_events AS
SELECT p.src_iso3, p.tgt_iso3, p.month, p.day, p.placement, p.event_id, p.cameo_code, p.quad_class, p.goldstein,
       p.pair_id, s.mention_id, s.article_id, s.sentence_text, s.url, s.source_path
FROM v_dyad_placed_events p LEFT JOIN v_event_sentences s USING (event_id)
WHERE p.month IS NOT NULL;
COMMENT ON VIEW v_dyad_cell_events IS 'The events and sentences behind any dyad cell: WHERE src_iso3 = ''IRN'' AND tgt_iso3 = ''PAK'' AND month = ''2024-01-01'' (add day = ... for a dyad_day cell).';

CREATE OR REPLACE VIEW v_net_cooperation AS
SELECT d.src_iso3, d.tgt_iso3, d.month, d.n_events,
       (d.n_verbal_cooperation + d.n_material_cooperation) - (d.n_verbal_conflict + d.n_material_conflict)
           AS net_cooperation,
       t.src_total_events,
       ((d.n_verbal_cooperation + d.n_material_cooperation) - (d.n_verbal_conflict + d.n_material_conflict))
           / t.src_total_events AS net_cooperation_share,
       d.goldstein_sum / t.src_total_events AS net_goldstein_per_src_event
FROM dyad_month d
JOIN (SELECT src_iso3, month, CAST(sum(n_events) AS BIGINT) AS src_total_events FROM dyad_month GROUP BY ALL) t
    USING (src_iso3, month);
COMMENT ON VIEW v_net_cooperation IS 'Net cooperation (cooperative minus conflictual events) of a directed pair per month, divided by all events the source country initiated that month (in [-1, 1]): comparable between talkative and quiet countries.';

CREATE OR REPLACE VIEW v_top_undirected_pairs AS
SELECT a_iso3, b_iso3, CAST(sum(n_events) AS BIGINT) AS n_events, CAST(sum(n_reciprocal) AS BIGINT) AS n_reciprocal,
       CAST(sum(n_verbal_cooperation + n_material_cooperation) AS BIGINT) AS n_cooperation,
       CAST(sum(n_verbal_conflict + n_material_conflict) AS BIGINT) AS n_conflict,
       sum(goldstein_sum) AS net_goldstein, sum(goldstein_sum) / CAST(sum(n_events) AS BIGINT) AS goldstein_mean,
       min(month) AS first_month, max(month) AS last_month,
       rank() OVER (ORDER BY sum(n_events) DESC) AS events_rank,
       rank() OVER (ORDER BY sum(goldstein_sum) DESC) AS net_goldstein_rank
FROM dyad_month_undirected GROUP BY a_iso3, b_iso3;
COMMENT ON VIEW v_top_undirected_pairs IS 'All-time undirected pairs (reciprocal events once): ORDER BY events_rank LIMIT 15, or by net_goldstein_rank (most cooperative first; DESC for most conflictual).';
