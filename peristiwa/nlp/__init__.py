"""Indonesian NLP (Stanza): loading the bundled or configured models, annotation, evaluation. Dagster-free."""
