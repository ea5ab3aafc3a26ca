"""The article's own words and figures on who gains, as quoted (``../shared/article/article-fr.md``)."""

from __future__ import annotations

# The thesis, paragraph 25 of the article: "the return on these massive investments in infrastructure
# will inevitably be concentrated in the hands of those who control the computing power, the models and
# the platforms. Ordinary workers, whose efficiency AI improves, will see their bargaining power erode."
THESIS_FR = (
    "Le retour sur investissement de ces investissements massifs dans les infrastructures sera "
    "inévitablement concentré entre les mains de ceux qui contrôlent la puissance de calcul, les modèles "
    "et les plateformes. Les travailleurs ordinaires, dont l’efficacité est améliorée par l’IA, verront "
    "leur pouvoir de négociation s’éroder davantage."
)
# Paragraph 31: "the beneficiaries and the users of AI are not the same population".
BENEFICIARIES_FR = "les bénéficiaires et les utilisateurs de l’IA ne sont pas la même population"

# C05, paragraph 16: lawyers' caseloads "doubled", designers deliver "twenty versions in a week" of
# posters made "in ten minutes" that "used to take a week".
LAWYERS_CASELOAD_FACTOR = 2
DESIGNER_VERSIONS_PER_WEEK = 20
DESIGNER_POSTER_MINUTES = 10
