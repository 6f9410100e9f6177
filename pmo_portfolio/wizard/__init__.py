from . import pmo_mspdi_import
