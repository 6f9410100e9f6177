# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from . import framework_agreement_xlsx_report
from . import interzonal_supplier_ranking_report
from . import interzonal_supplier_scorecard_line
from . import interzonal_supplier_scorecard_report
from . import supplier_open_orders_xlsx_report
from . import interzonal_contract_finance_report
from . import agreement_finance_xlsx_report
