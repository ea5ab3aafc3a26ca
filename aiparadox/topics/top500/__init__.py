"""TOP500: did supercomputing flip to accelerators (C08), and is computing power in few hands (C09)?

Chapter: ``chapters/top500.md``. Dataset: ``top500``, the 33 TOP500 list exports from June 2010
to June 2026, giving the tables ``top500_accelerators``, ``top500_tiers``, ``top500_families``,
``top500_accelerator_names``, ``top500_concentration``, ``top500_segments`` and
``top500_companies``.

The flow, one module per step:

* :mod:`.raw`: the list exports as published, read into one frame per edition, and what
  ``data fetch`` needs (the lists need a login, so the reader downloads them);
* :mod:`.tables`: the accelerator families, the companies looked for, each table's schema right
  above the function deriving it, and the ``DATASET``;
* :mod:`.article`: the article's editions and shares, as quoted;
* :mod:`.facts`: the tables turned into the numbers each section of the chapter glues;
* :mod:`.claims`: the verdicts on C08 and C09;
* :mod:`.charts`: the chapter's five figures and their descriptions;
* :mod:`.exercises`: the three exercises' answers and the mistakes the teacher's guide anticipates.
"""
