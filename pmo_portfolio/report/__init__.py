# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from . import pmo_portfolio_dashboard_xlsx_report
from . import pmo_project_dashboard_xlsx_report
from . import pmo_management_committee_report
from . import pmo_committee_pack_report
from . import pmo_committee_meeting_dashboard_xlsx_report
from . import pmo_highlight_report
