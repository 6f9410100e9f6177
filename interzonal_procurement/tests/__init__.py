# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from . import test_smoke
from . import test_call_off
from . import test_call_off_race
from . import test_call_off_queries
from . import test_agreement_xlsx
from . import test_call_off_tour
from . import test_framework_agreement
from . import test_supplier_scorecard
from . import test_supplier_scorecard_reports
from . import test_supplier_scorecard_lines
from . import test_purchase_request
from . import test_purchase_request_report
from . import test_purchase_request_tour
from . import test_supplier_open_orders_xlsx
from . import test_xlsx_helpers
from . import test_late_fine
from . import test_late_fine_tour
from . import test_plain_purchase
from . import test_call_off_capacity
from . import test_lot_ceiling
from . import test_bad_inputs
from . import test_ubl
from . import test_german
