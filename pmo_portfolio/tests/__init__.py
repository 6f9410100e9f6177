# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from . import test_smoke
from . import test_earned_value
from . import test_programme
from . import test_kanban
from . import test_indicators
from . import test_tour
from . import test_reports
from . import test_duties
from . import test_figures
from . import test_languages
from . import test_committee
from . import test_committee_reports
from . import test_mspdi
