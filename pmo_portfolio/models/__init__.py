# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from . import res_company
from . import res_config_settings
from . import pmo_earned_value_mixin
from . import pmo_health_mixin
from . import pmo_indicator_rollup_mixin
from . import pmo_exception_mixin
from . import pmo_portfolio_kpi_mixin
from . import pmo_programme
from . import project_project
from . import project_milestone
from . import project_task
from . import pmo_mspdi_reader
from . import pmo_mspdi_writer
from . import pmo_mspdi
from . import account_analytic_line
from . import pmo_project_snapshot
from . import pmo_exception_report
from . import pmo_indicator
from . import pmo_indicator_value
from . import pmo_alert
from . import res_users
from . import pmo_committee
from . import pmo_committee_meeting
from . import pmo_decision
