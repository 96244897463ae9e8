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
SELECT run_id, asset, check_name, expectation, column_name, observed, unexpected_count, sample, evaluated_at
FROM dq_results WHERE NOT passed ORDER BY evaluated_at DESC;
COMMENT ON VIEW v_dq_failures IS 'Failed data-quality expectations, newest first.';

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
