"""BLS: the article's "tech unemployment" jump (C03) and the ResumeBuilder survey (C04).

Chapter: ``chapters/bls.md``. Dataset: ``bls`` (the tables ``bls_information_unemployed``,
``bls_information_unemployment_rate``, ``bls_information_employer_series``,
``bls_tech_unemployment_measures`` and ``bls_resumebuilder_survey``).

The flow, one module per step:

* :mod:`.raw`: the BLS and press files as published (FRED CSV, BLS Public Data API v2 JSON, the
  cached ``{t, v}`` lists, the transcribed tables A-14 and A-30, the notes that quote the press),
  their readers, and ``remote()``, what ``data fetch`` asks the BLS API for;
* :mod:`.tables`: the sources, each table's schema above the function that derives it,
  ``derive()`` and the ``DATASET``; the monthly series' tables (and the months the CPS may lack)
  in :mod:`.monthly_series`;
* :mod:`.article`: the article's own figures, as quoted;
* :mod:`.facts`: tables -> the named numbers of the chapter, one function per section;
* :mod:`.claims`: the verdicts on C03 and C04, pure functions of the tables;
* :mod:`.charts`: the chapter's charts and their descriptions; those of the layoff sections
  (what employers did, the survey) in :mod:`.layoff_charts`;
* :mod:`.exercises`: the exercises' answers, levels, hints and anticipated wrong answers.
"""
