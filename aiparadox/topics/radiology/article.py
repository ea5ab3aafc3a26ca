"""The article's own figures on radiologists: there are none.

The article (``../shared/article/article-fr.md``, section « Deux récits opposés sur l’IA ») reports
Jensen Huang's claim in words only: radiologists "n’ont pas perdu leur emploi à cause de l’IA", and
"la demande de recrutement a augmenté". It gives no count, share or date to reproduce, so C02 is
tested by a rule (see :mod:`.claims`) rather than against a quoted number, and this part holds no
constant.
"""
