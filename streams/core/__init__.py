"""The pure core: validation, extraction, claim keys, detection. No Kafka, no faust imports.

Stages (each reads plain values and returns plain values):
- guard.parse_article(bytes) -> Article            (raises BadInput with a reason)
- extract.extract_batches(Article) -> [ClaimBatch]   (one batch per claim key)
- detect.detect_batch(ClaimBatch, history) -> (alerts, new history)
- pipeline.Pipeline: both stages over a Mapping of state, the embedded driver.
"""
