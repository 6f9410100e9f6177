from . import res_company
from . import res_config_settings
from . import res_partner
from . import purchase_order
from . import purchase_order_line
from . import stock_picking
from . import interzonal_supplier_evaluation
from . import interzonal_supplier_scorecard
