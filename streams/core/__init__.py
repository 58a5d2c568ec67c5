"""The pure core: validation, extraction, claim keys, detection. No Kafka, no faust imports.

The pipeline's components, in the order data flows through them (`COMPONENTS`), one module each; each
module's docstring says what it reads and what it writes:
- guard:       raw message bytes -> Article (or BadInput with a reason)
- sentences:   article text -> Sentences (datelines set aside)
- parse:       sentences -> spaCy Docs (the headline, lead and sentences that may carry a claim)
- numbers:     a sentence -> FigureSpans (figures as intervals; quantities.py holds the number words)
- attribution: a sentence and the article so far -> its Speaker (speaker, claimant, certainty)
- claims:      sentences, speakers, figures, parse -> Claims with typed features (numeric.py for figures,
               outcomes.py and propositions.py for statements, clauses.py for parse gates on them,
               measures.py, scope.py, structure.py)
- story:       the article -> its Story (the names every claim carries and detection compares)
- detect:      a ClaimBatch and the history under its key -> Alerts (checks.py: the named checks in
               order; rules.py: the rule that fires)
extract.extract_batches groups an article's claims into one ClaimBatch per claim key; pipeline.Pipeline
runs extraction and detection over a mapping of state (the embedded driver, as the agents do).
"""

#: the pipeline's components (modules of this package), in the order data flows through them
COMPONENTS = ("guard", "sentences", "parse", "numbers", "attribution", "claims", "story", "detect")

__all__ = ["COMPONENTS"]
