from . import pmo_portfolio_dashboard_xlsx_report
from . import pmo_project_dashboard_xlsx_report
from . import pmo_management_committee_report
