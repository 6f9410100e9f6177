from . import test_smoke
from . import test_call_off
