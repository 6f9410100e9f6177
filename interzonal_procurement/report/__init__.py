from . import framework_agreement_xlsx_report
from . import interzonal_supplier_ranking_report
from . import supplier_open_orders_xlsx_report
