"""The article's own figures on the IMF, as it quotes them (``../shared/article/article-fr.md``)."""

# "Le FMI prévoit que l’IA affectera près de 40 % des emplois mondiaux": about 40% of the world's jobs.
CLAIMED_WORLD_PCT = 40
# "... avec un impact plus important dans les pays développés, pouvant atteindre 60 %": up to 60% of
# jobs in developed countries.
CLAIMED_ADVANCED_PCT = 60
# "... et 70 % des compétences professionnelles seront modifiées": 70% of professional skills change.
CLAIMED_SKILLS_PCT = 70
