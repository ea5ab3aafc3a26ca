"""IMF: who is exposed to AI, how prepared countries are, and where "70% of skills" comes from.

Chapter: ``chapters/imf.md`` (claims C15 and C16). Dataset: ``imf``, the tables
``imf_ai_exposure``, ``imf_linkedin_skills_change``, ``imf_aipi`` and ``imf_aipi_aggregates``.

The flow, one module each: ``raw`` (the excerpt files, the DataMapper answers, the IMF workbook,
and what ``data fetch`` downloads) -> ``tables`` (the four tables and their derivation) ->
``facts`` (the numbers the chapter's prose glues) -> ``claims`` (the verdicts on C15 and C16) ->
``charts`` (the exposure chart and the two AIPI charts) -> ``exercises`` (the answers, and the
mistakes the teacher's guide anticipates). ``article`` holds the article's own figures.

This file imports nothing, so that importing one part does not import the others.
"""
