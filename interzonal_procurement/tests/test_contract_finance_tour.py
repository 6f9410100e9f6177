# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import time
from unittest.mock import patch

from freezegun import freeze_time

from odoo.tests import HttpCase, tagged

from ..report.agreement_finance_xlsx_report import AgreementFinanceXlsx
from .test_contract_money import ContractMoneyCommon


@tagged("post_install", "-at_install")
class TestContractFinanceTour(HttpCase, ContractMoneyCommon):
    def test_finance_opens_pivot_and_prints_workbook(self):
        """Finance opens the contract money pivot from the menu, then prints
        the agreement's finance workbook."""
        order = self._place_call_off()
        with freeze_time("2026-03-10 10:00:00"):
            self._receive(order.picking_ids, {order.order_line: 30})
        self._bill(order)
        printed = []
        generate = AgreementFinanceXlsx.generate_xlsx_report

        def record(report, workbook, data, agreements):
            printed.append((report.env.user, agreements))
            return generate(report, workbook, data, agreements)

        with patch.object(AgreementFinanceXlsx, "generate_xlsx_report", record):
            self.start_tour("/odoo", "interzonal_contract_finance", login="iz_finance")
            # The download's request may still be served after the last step.
            deadline = time.monotonic() + 20
            while not printed and time.monotonic() < deadline:
                time.sleep(0.2)
        self.assertEqual(printed, [(self.user_finance, self.agreement)])
