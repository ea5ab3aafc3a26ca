"""The article's own BLS figures (C03, C04), as it quotes them: the article's, not data.

All are from the fourth paragraph of ``../shared/article/article-fr.md``: « En janvier dernier, le
chômage dans le secteur technologique est passé de 98 000 en décembre de l'année précédente à
152 000. Selon une enquête de ResumeBuilder auprès de 750 dirigeants d'entreprises utilisant l'IA,
37 % admettent que la technologie a directement remplacé des emplois en 2023, et 44 % ont procédé
à des licenciements en 2024 en raison de l'amélioration de l'efficacité grâce à l'IA. »
"""

from __future__ import annotations

# "En janvier dernier ... en décembre de l'année précédente": "last January" in an article about the
# Washington forum of November 2025, so January 2025 against December 2024, the months the press of
# February 2025 reported.
ARTICLE_DECEMBER, ARTICLE_JANUARY = "2024-12", "2025-01"
# "passé de 98 000 ... à 152 000", in thousands as the BLS series counts.
ARTICLE_DECEMBER_THOUSANDS, ARTICLE_JANUARY_THOUSANDS = 98, 152
# "auprès de 750 dirigeants"
ARTICLE_RESPONDENTS = 750
# "37 % admettent que la technologie a directement remplacé des emplois en 2023"
ARTICLE_REPLACED_SHARE = 0.37
# "44 % ont procédé à des licenciements en 2024": the article reports the layoffs as done.
ARTICLE_LAYOFF_SHARE = 0.44
ARTICLE_LAYOFF_TIMING = "reported"
# "le chômage dans le secteur technologique": what the article says the figures measure.
ARTICLE_MEASURE = "unemployment in the technology sector"
