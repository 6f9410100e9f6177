from . import test_smoke
from . import test_call_off
from . import test_call_off_race
from . import test_call_off_queries
from . import test_agreement_xlsx
from . import test_call_off_tour
from . import test_purchase_request
