from . import framework_agreement_xlsx_report
