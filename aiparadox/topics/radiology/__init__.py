"""Radiology: did AI leave radiologists busier rather than jobless? (claim C02; chapters/radiology.md)

Dataset ``radiology``: BLS OEWS employment and wages (``radiology_oews``) and the top code of
each national file (``radiology_oews_top_codes``), the FDA's list of AI-enabled devices
(``radiology_fda_devices``) and figures quoted by press and society pages
(``radiology_secondary_figures``).

The flow: :mod:`.raw` (the OEWS workbooks, the FDA XML and what ``data fetch`` downloads; the page excerpts and the
sentences quoted from them in :mod:`.excerpts`) -> :mod:`.tables` (the four tables; the sampling error of OEWS
estimates in :mod:`.sampling_error`) ->
:mod:`.facts` (the numbers of each section of the chapter) -> :mod:`.claims` (C02's rule and its benchmark) ->
:mod:`.charts` (the four figures) -> :mod:`.exercises` (answers and anticipated mistakes).
:mod:`.article` says why the article gives no figure here.
"""
