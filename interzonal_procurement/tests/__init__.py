from . import test_smoke
from . import test_supplier_scorecard
from . import test_supplier_scorecard_reports
