from . import res_company
from . import res_config_settings
from . import pmo_programme
from . import project_project
from . import project_milestone
from . import account_analytic_line
from . import pmo_project_snapshot
from . import pmo_exception_report
