from . import test_smoke
from . import test_earned_value
from . import test_programme
from . import test_kanban
from . import test_indicators
from . import test_tour
from . import test_reports
from . import test_mspdi
