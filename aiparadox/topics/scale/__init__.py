"""Scale: the article's energy, robot and solar figures, and the "16 hours a day" of industry.

Chapter: ``chapters/scale.md`` (claims C06, C11, C12, C13, C14 and C17; its numbers also appear in
``chapters/conclusion.md``). Dataset: ``extra``, read from ``../shared/sources/extra/raw`` (EIA,
Our World in Data and stored news pages), producing the tables us_electricity_generation,
us_datacentre_electricity, xai_humain_announcement, weekly_hours_of_work and annual_hours_per_worker.

The flow, one module a step: ``raw`` (the publishers' files, their readers, what ``data fetch``
downloads) -> ``tables`` (units, vocabularies, schemas, the derivation, ``DATASET``; the working-hours tables
in ``working_hours``) -> ``facts`` (named numbers for the prose, with the article's own figures in
``article`` and C06 and C17's working-hours figures in ``hours_figures``) -> ``claims`` (the
verdicts) -> ``charts`` (the four figures and their descriptions) -> ``exercises`` (answers, levels,
hints and anticipated mistakes).
"""
