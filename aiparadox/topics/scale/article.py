"""Scale, article: the article's own figures, as it states them (constants: they are the article's,
not data). Each comment quotes where the article says it; the other parts read them as
``article.NAME``, so that a figure is spelled the same wherever it is used."""

from __future__ import annotations

YEAR = 2025  # the forum and the article: November 2025
SITE_TW = 500.0  # "un centre de données IA de 500 térawatts"
FIRST_PHASE_TW = 50.0  # "une première phase de 50 térawatts"
US_PRODUCTION_GW = 460.0  # US "annual electricity production is about 460 gigawatts"
AI_GW = 300.0  # "if AI computing needs 300 gigawatts"
AI_SHARE = 2 / 3  # "two thirds of US electricity production"
ROBOT_DEMAND = (100e9, 200e9)  # world demand "between 100 and 200 billion units"
ROBOTS_PER_YEAR = 1e9  # Tesla's goal: "1 billion units" a year
ROBOT_MARKET_SHARE = 0.10  # "more than 10% of the market"
ROBOT_COST_USD = 10_000.0  # cost "controlled at 10,000 dollars"
ROBOT_PRICE_USD = 20_000.0  # "a selling price of 20,000 dollars"
ROBOT_INDUSTRY_USD = (25e12, 30e12)  # "an industry of 25 to 30 trillion dollars"
SOLAR_FRACTION = 1 / 20  # Earth receives "only one twentieth" of the sun's radiation
HOURS_PER_DAY = 16.0  # industrial-revolution workers "worked on average 16 hours a day"
