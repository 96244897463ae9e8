"""Sentences and entity mentions through a real Dagster run with the bundled Stanza models."""

from __future__ import annotations

import csv
import shutil
from collections import defaultdict

from tests.chain import check_outcomes, materialized, run_chain, served, stage_metadata


def _gold_countries(shared) -> dict[str, set[str]]:
    wanted: dict[str, set[str]] = defaultdict(set)
    with (shared / "gold" / "seeds_events.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["expected_extract"] == "yes":
                wanted[row["article_id"]] |= {c for c in (row["source_iso3"], row["target_iso3"]) if c}
    return wanted


def test_seeds_annotated_and_gold_countries_resolved(shared, seeds_chain):
    result, warehouse_path = seeds_chain.result, seeds_chain.warehouse  # the session's run over the seeds
    assert result.success, check_outcomes(result)
    assert {"raw_articles", "articles_clean", "sentences", "entity_mentions"} <= materialized(result)
    assert all(check_outcomes(result).values())

    per_article = dict(served(warehouse_path, """
        SELECT regexp_extract(c.source_path, '([0-9]{3}_[0-9a-f]+)', 1), count(*)
        FROM sentences s JOIN articles_clean c USING (article_id) GROUP BY ALL"""))
    assert len(per_article) == 5 and min(per_article.values()) >= 5
    headlines = served(warehouse_path, "SELECT count(*) FROM sentences WHERE sentence_index = -1")
    assert headlines == [(2,)]  # 001 and 004 print a headline
    conllu = served(warehouse_path, "SELECT conllu FROM sentences WHERE text LIKE '%menggelar latihan%'")
    assert conllu and "\tgelar\t" in conllu[0][0]  # menggelar -> gelar

    resolved: dict[str, set[str]] = defaultdict(set)
    for path, iso3 in served(warehouse_path, """
        SELECT c.source_path, m.iso3 FROM entity_mentions m JOIN articles_clean c USING (article_id)
        WHERE m.iso3 <> '' AND m.role = 'actor'"""):
        resolved[path.split("/")[-1][:-4]].add(iso3)
    gold = _gold_countries(shared)
    found = sum(len(countries & resolved[article]) for article, countries in gold.items())
    total = sum(len(countries) for countries in gold.values())
    assert found / total >= 0.95, {a: sorted(c - resolved[a]) for a, c in gold.items()}

    people = dict(served(warehouse_path, """
        SELECT m.text, m.iso3 FROM entity_mentions m WHERE m.actor_kind = 'person' AND m.iso3 <> ''"""))
    for name, iso3 in people.items():
        if "Pezeshkian" in name or "Amirabdollahian" in name or "Raisi" in name:
            assert iso3 == "IRN", name
        if "Putin" in name or "Lavrov" in name or "Shoigu" in name:
            assert iso3 == "RUS", name


def test_entities_rerun_does_no_work(samples_chain, tmp_path, dagster_instance):
    sample_inbox, warehouse_path = samples_chain.copy(tmp_path)  # the session's run over the samples
    first = samples_chain.result
    assert first.success, check_outcomes(first)
    assert stage_metadata(first, "sentences")["annotated"] >= 5
    mentions = served(warehouse_path, "SELECT * FROM entity_mentions ORDER BY ALL")
    second = run_chain(sample_inbox, warehouse_path, dagster_instance, job="chain_job")
    assert second.success
    assert stage_metadata(second, "sentences")["no_new_input"] is True
    assert stage_metadata(second, "entity_mentions")["no_new_input"] is True
    assert served(warehouse_path, "SELECT * FROM entity_mentions ORDER BY ALL") == mentions


def test_other_models_reannotate_every_article(samples_chain, dagster_instance, tmp_path):
    from peristiwa.nlp.pipeline import BUNDLED_DIR
    from pipelines.resources import NlpResource

    sample_inbox, warehouse_path = samples_chain.copy(tmp_path)  # the session's run over the samples
    first = samples_chain.result
    assert first.success, check_outcomes(first)
    n_articles = stage_metadata(first, "sentences")["annotated"]
    # the same tagger under another path stands for "the user configured another model"
    other_pos = shutil.copy(BUNDLED_DIR / "id_pos.pt", tmp_path / "other_pos.pt")
    second = run_chain(sample_inbox, warehouse_path, dagster_instance, job="chain_job",
                       resources={"nlp": NlpResource(model_paths={"pos": str(other_pos)})})
    assert second.success, check_outcomes(second)
    meta = stage_metadata(second, "sentences")
    assert meta["annotated"] == meta["reannotated_for_models"] == n_articles
    ledgers = served(warehouse_path, "SELECT models FROM annotations")
    assert len(ledgers) == n_articles and all("other_pos.pt" in m and "sha256:" in m for (m,) in ledgers)


def test_parse_scope_is_recorded_and_a_change_reannotates_with_the_same_events_on_the_seeds(
    seeds_chain, tmp_path, dagster_instance
):
    from pipelines.resources import NlpResource

    inbox, warehouse_path = seeds_chain.copy(tmp_path)  # the session's run over the seeds: selective
    mention_key = ("SELECT article_id, sentence_index, source_iso3, target_iso3, cameo_code, modality, "
                   "polarity FROM event_mentions ORDER BY ALL")
    selective = seeds_chain.result
    assert selective.success, check_outcomes(selective)
    assert served(warehouse_path, "SELECT DISTINCT parse_scope FROM annotations") == [("selective",)]
    (n_unparsed,) = served(warehouse_path, "SELECT count(*) FROM sentences WHERE NOT parsed")[0]
    unparsed_conllu = served(warehouse_path, "SELECT conllu FROM sentences WHERE NOT parsed LIMIT 1")
    events_selective = served(warehouse_path, mention_key)
    assert events_selective

    full = run_chain(inbox, warehouse_path, dagster_instance, job="chain_job",
                     resources={"nlp": NlpResource(parse_scope="all")})
    assert full.success, check_outcomes(full)
    meta = stage_metadata(full, "sentences")
    assert meta["annotated"] == meta["reannotated_for_models"] == 5
    assert served(warehouse_path, "SELECT DISTINCT parse_scope FROM annotations") == [("all",)]
    assert served(warehouse_path, "SELECT count(*) FROM sentences WHERE NOT parsed") == [(0,)]
    assert served(warehouse_path, mention_key) == events_selective  # same event mentions either way
    if n_unparsed:  # an unparsed sentence has tokens and NER but no lemma, UPOS or head
        line = next(ln for ln in unparsed_conllu[0][0].splitlines() if not ln.startswith("#"))
        assert line.split("\t")[2:4] == ["_", "_"] and line.split("\t")[6] == "_"


def test_a_partition_run_annotates_only_its_shard_and_the_chain_does_the_rest(
    sample_inbox, warehouse_path, dagster_instance
):
    from pipelines.definitions import build_definitions
    from pipelines.partitions import shard_of
    from tests.chain import in_process_nlp, settings_for

    assert run_chain(sample_inbox, warehouse_path, dagster_instance).success  # ingest + clean
    ids = [r[0] for r in served(warehouse_path, "SELECT article_id FROM articles_clean")]
    shard = shard_of(ids[0])
    in_shard = {i for i in ids if shard_of(i) == shard}

    nlp_job = build_definitions(settings_for(sample_inbox, warehouse_path),
                                resources=in_process_nlp()).resolve_job_def("nlp_job")
    result = nlp_job.execute_in_process(instance=dagster_instance, partition_key=shard, raise_on_error=False)
    assert result.success
    assert {r[0] for r in served(warehouse_path, "SELECT article_id FROM annotations")} == in_shard
    assert stage_metadata(result, "sentences_parquet")["annotated"] == len(in_shard)

    chain = run_chain(sample_inbox, warehouse_path, dagster_instance, job="chain_job")
    assert chain.success, check_outcomes(chain)
    assert stage_metadata(chain, "sentences_parquet")["annotated"] == len(ids) - len(in_shard)
    assert served(warehouse_path, "SELECT count(*) FROM annotations") == [(len(ids),)]
    assert served(warehouse_path, "SELECT count(DISTINCT article_id) FROM entity_mentions")[0][0] > 0
