"""BLS: the article's "tech unemployment" jump (C03) and the ResumeBuilder survey (C04).

* :mod:`.parsers`: readers for FRED-style CSV, BLS Public Data API v2 JSON and the cached
  ``{t, v}`` lists, reusable by ``data fetch``;
* :mod:`.tables`: the tidy tables, their schemas and sources, and the derivation;
* :mod:`.analysis`: the assessments of C03 and C04, the charts and the exercises.
"""

from .analysis import *  # noqa: F401,F403
from .analysis import ARTICLE_DECEMBER, ARTICLE_JANUARY  # noqa: F401
from .parsers import complete_months, parse_bls_api_v2, parse_fred_csv, read_bls_api_v2, read_fred_csv, read_points_json  # noqa: F401
from .tables import CPS_GAPS, DATASET, SHUTDOWN_STATEMENT_DATE, SHUTDOWN_STATEMENT_URL  # noqa: F401
