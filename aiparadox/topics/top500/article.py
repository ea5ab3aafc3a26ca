"""The article's own TOP500 figures, as quoted (claim C08 in ``../shared/article/claims.md``).

All come from one sentence of ``../shared/article/article-fr.md``, the paragraph on Jensen Huang:
"il y a six ans, 90 % des supercalculateurs du Top 500 mondial utilisaient une architecture CPU,
cette année, cette proportion est tombée à 15 %, tandis que le calcul accéléré est passé de 10 %
à 90 %".

These are the article's numbers, not data: the chapter glues them beside the measured ones and
draws them in the claim's colour.
"""

from __future__ import annotations

# Huang spoke at the forum of 19 November 2025, a few days after the November 2025 list came out;
# "six years ago" is therefore the November 2019 list. The shares are the article's, not data.
CLAIM_THEN, CLAIM_NOW = "2019-11", "2025-11"
# The article's accelerated shares ("le calcul accéléré est passé de 10 % à 90 %").
CLAIMED_SHARE_THEN, CLAIMED_SHARE_NOW = 0.10, 0.90
# The article's CPU shares for the same two moments ("90 % ... est tombée à 15 %").
CLAIMED_CPU_THEN, CLAIMED_CPU_NOW = 0.90, 0.15
