# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Fixtures of the security tests: one user per role and, for every model of
both addons, a factory of valid values so that each test can create a fresh
record of that model (as the superuser or as the role under test)."""

from datetime import date, timedelta
from itertools import count

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user

from odoo.addons.interzonal_procurement.models.interzonal_price_revision import (
    DEFER_COEFFICIENT_CHECK,
)

from .common import CrossAddonCase

IZ = "interzonal_procurement"
PMO = "pmo_portfolio"

# Role -> groups of the test user ("public" is Odoo's own public user).
ROLES = {
    "requester": f"base.group_user,{IZ}.group_requester",
    "buyer": f"base.group_user,{IZ}.group_buyer",
    "contract_manager": f"base.group_user,{IZ}.group_contract_manager",
    "finance": f"base.group_user,{IZ}.group_finance",
    "member": f"base.group_user,{PMO}.group_project_member",
    "lead": f"base.group_user,{PMO}.group_project_lead",
    "officer": f"base.group_user,{PMO}.group_pmo_officer",
    "pmo_manager": f"base.group_user,{PMO}.group_pmo_manager",
    "internal": "base.group_user",
    "portal": "base.group_portal",
    "public": None,
}


class _Rollback(Exception):
    """Raised inside a savepoint to undo an operation that succeeded."""


class SecurityCase(CrossAddonCase):
    """Users of every role in one company, a zone they all belong to, a
    running framework agreement with a lot, and a project they all work on."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        cls.seq = count(1)
        cls.users = {}
        for role, groups in ROLES.items():
            if groups is None:
                cls.users[role] = cls.env.ref("base.public_user")
                continue
            cls.users[role] = new_test_user(
                cls.env,
                login=f"sec_{role}",
                groups=groups,
                company_id=cls.company.id,
                company_ids=[Command.set(cls.company.ids)],
            )
        cls.eur = cls.env.ref("base.EUR")
        cls.eur.active = True
        cls.vendor = cls.env["res.partner"].create(
            {"name": "Sec Supplies NV", "is_company": True, "supplier_rank": 1}
        )
        cls.product = cls.env["product.product"].create(
            {
                "name": "Sec Radio",
                "type": "consu",
                "is_storable": True,
                "purchase_ok": True,
                "supplier_taxes_id": [Command.clear()],
            }
        )
        iz_users = [cls.users[r].id for r in ("requester", "buyer", "contract_manager")]
        cls.zone = cls.env["interzonal.zone"].create(
            {"name": "Sec Zone", "code": "SEC0", "user_ids": [Command.set(iz_users)]}
        )
        cls.agreement = cls.env["interzonal.framework.agreement"].create(
            cls._vals_interzonal_framework_agreement()
        )
        cls.lot = cls.env["purchase.requisition"].create(
            {
                "framework_agreement_id": cls.agreement.id,
                "lot_number": "1",
                "requisition_type": "blanket_order",
                "vendor_id": cls.vendor.id,
                "currency_id": cls.eur.id,
                "initial_ceiling_amount": 10_000_000,
                "estimated_amount": 10_000_000,
                "line_ids": [
                    Command.create(
                        {
                            "product_id": cls.product.id,
                            "product_qty": 100_000,
                            "price_unit": 100.0,
                        }
                    )
                ],
            }
        )
        cls.lot.action_confirm()
        cls.document_type = cls.env["interzonal.document.type"].create(
            {"name": "Sec Award decision"}
        )
        cls.template = cls.env["interzonal.quotation.template"].create(
            {"name": "Sec kit"}
        )
        cls.order = cls._confirmed_call_off()
        cls.bill = cls.env["account.move"].create(
            {"move_type": "in_invoice", "partner_id": cls.vendor.id}
        )
        cls.programme = cls.env["pmo.programme"].create({"name": "Sec", "code": "SEC"})
        cls.indicator = cls.env["pmo.indicator"].create(cls._vals_pmo_indicator())
        # The project team attends the committee's meetings.
        team = cls.users["member"].partner_id | cls.users["lead"].partner_id
        cls.committee = cls.env["pmo.committee"].create(
            {"name": "Sec Committee", "member_ids": [Command.set(team.ids)]}
        )
        cls.meeting = cls.env["pmo.committee.meeting"].create(
            {"committee_id": cls.committee.id, "date": date(2026, 6, 20)}
        )

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------

    @classmethod
    def _n(cls):
        return next(cls.seq)

    @classmethod
    def _call_off(cls, amount=100.0, zone=None, company=None):
        return cls.env["purchase.order"].create(
            {
                "partner_id": cls.vendor.id,
                "requisition_id": cls.lot.id,
                "zone_id": (zone or cls.zone).id,
                "currency_id": cls.eur.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": cls.product.id,
                            "product_qty": 1,
                            "price_unit": amount,
                            "taxes_id": [Command.clear()],
                        }
                    )
                ],
            }
        )

    @classmethod
    def _confirmed_call_off(cls):
        order = cls._call_off()
        order.button_confirm()
        return order

    @classmethod
    def _project(cls, **vals):
        """A project led by the lead, the member in its team."""
        return cls.env["project.project"].create(
            {
                "name": f"Sec project {cls._n()}",
                "user_id": cls.users["lead"].id,
                "programme_id": cls.programme.id,
                "member_ids": [Command.set(cls.users["member"].ids)],
                **vals,
            }
        )

    def try_operation(self, operation):
        """Run ``operation`` in a savepoint that is always rolled back:
        True when it went through, False on an AccessError. Any other error
        is a broken fixture and propagates."""
        try:
            with self.env.cr.savepoint():
                operation()
                self.env.flush_all()
                raise _Rollback()
        except _Rollback:
            return True
        except AccessError:
            return False
        finally:
            self.env.invalidate_all()

    # ------------------------------------------------------------------
    # Values of a new record, per model (``_vals_<model with underscores>``)
    # ------------------------------------------------------------------

    @classmethod
    def context_for(cls, model):
        """A term alone cannot keep its revision's sum at 1: it is tried as
        a part of a revision being edited, whose sum the form checks on save."""
        if model == "interzonal.price.revision.term":
            return {DEFER_COEFFICIENT_CHECK: True}
        return {}

    @classmethod
    def vals_for(cls, model):
        return getattr(cls, "_vals_" + model.replace(".", "_"))()

    @classmethod
    def _vals_interzonal_zone(cls):
        n = cls._n()
        return {"name": f"Sec Zone {n}", "code": f"SEC{n}"}

    @classmethod
    def _vals_interzonal_framework_agreement(cls):
        return {
            "name": "Sec ICT",
            "reference": f"SEC-{cls._n()}",
            "date_start": date(2024, 1, 1),
            "date_end": date(2027, 12, 31),
            "lead_zone_id": cls.zone.id,
            "currency_id": cls.eur.id,
            "user_id": cls.users["contract_manager"].id,
        }

    @classmethod
    def _vals_interzonal_agreement_participation(cls):
        zone = cls.env["interzonal.zone"].create(cls._vals_interzonal_zone())
        return {
            "agreement_id": cls.agreement.id,
            "zone_id": zone.id,
            "date_joined": date(2025, 1, 1),
            "decision_reference": "SEC-ACC",
        }

    @classmethod
    def _vals_interzonal_agreement_document(cls):
        return {
            "agreement_id": cls.agreement.id,
            "document_type_id": cls.document_type.id,
            "name": "Sec award",
        }

    @classmethod
    def _vals_interzonal_document_type(cls):
        return {"name": f"Sec type {cls._n()}"}

    @classmethod
    def _vals_interzonal_lot_allocation(cls):
        zone = cls.env["interzonal.zone"].create(cls._vals_interzonal_zone())
        return {"requisition_id": cls.lot.id, "zone_id": zone.id, "amount": 1000}

    @classmethod
    def _vals_interzonal_lot_modification(cls):
        return {
            "requisition_id": cls.lot.id,
            "amount": 1.0,
            "decision_reference": f"SEC-MOD-{cls._n()}",
            "reason": "Sec reason",
        }

    @classmethod
    def _vals_interzonal_supplier_evaluation(cls):
        order = cls._confirmed_call_off()
        return {
            "purchase_order_id": order.id,
            "service_rating": "3",
            "quality_rating": "3",
            "communication_rating": "3",
        }

    @classmethod
    def _vals_interzonal_supplier_scorecard(cls):
        start = date(2020, 1, 1) + timedelta(days=cls._n())
        return {"partner_id": cls.vendor.id, "date_from": start, "date_to": start}

    @classmethod
    def _vals_interzonal_quotation_template(cls):
        return {"name": f"Sec kit {cls._n()}"}

    @classmethod
    def _vals_interzonal_quotation_template_line(cls):
        return {
            "template_id": cls.template.id,
            "product_id": cls.product.id,
            "product_qty": 1,
        }

    @classmethod
    def _vals_interzonal_late_fine(cls):
        move = cls._confirmed_call_off().picking_ids.move_ids
        return {
            "purchase_line_id": move.purchase_line_id.id,
            "stock_move_id": move.id,
            "partner_id": cls.vendor.id,
            "currency_id": cls.eur.id,
            "days_late": 1,
            "quantity": 1,
            "rate": 0.07,
            "cap": 7.5,
        }

    @classmethod
    def _vals_interzonal_price_revision(cls):
        # A revision yet to apply: no call-off uses it, any role may try it.
        return {
            "requisition_id": cls.lot.id,
            "date": date(2027, 1, 1) + timedelta(days=cls._n()),
            "fixed_coefficient": 1.0,
        }

    @classmethod
    def _vals_interzonal_price_revision_term(cls):
        revision = cls.env["interzonal.price.revision"].create(
            cls._vals_interzonal_price_revision()
        )
        return {
            "revision_id": revision.id,
            "name": "Sec index",
            "coefficient": 0.1,
            "base_index": 100.0,
            "current_index": 100.0,
        }

    @classmethod
    def _vals_interzonal_eu_threshold(cls):
        year = 2100 + cls._n()
        return {
            "name": f"Sec {year}",
            "date_from": date(year, 1, 1),
            "date_to": date(year, 12, 31),
            "central_amount": 140_000,
            "sub_central_amount": 221_000,
            "works_amount": 5_538_000,
        }

    @classmethod
    def _vals_interzonal_ubl_difference(cls):
        return {"move_id": cls.bill.id, "kind": "price", "name": "Sec price"}

    @classmethod
    def _vals_pmo_programme(cls):
        n = cls._n()
        return {"name": f"Sec programme {n}", "code": f"SP{n}"}

    @classmethod
    def _vals_pmo_project_snapshot(cls):
        return {"project_id": cls._project().id, "date": date(2026, 6, 1)}

    @classmethod
    def _vals_pmo_exception_report(cls):
        return {"project_id": cls._project().id}

    @classmethod
    def _vals_pmo_indicator(cls):
        n = cls._n()
        return {"name": f"Sec indicator {n}", "code": f"SI{n}"}

    @classmethod
    def _vals_pmo_indicator_value(cls):
        return {
            "indicator_id": cls.indicator.id,
            "project_id": cls._project().id,
            "period_start": date(2026, 5, 1),
            "period_end": date(2026, 5, 31),
            "deadline": date(2026, 6, 5),
        }

    @classmethod
    def _vals_pmo_alert(cls):
        return {"project_id": cls._project().id, "level": "amber", "message": "Sec"}

    @classmethod
    def _vals_pmo_committee(cls):
        return {"name": f"Sec committee {cls._n()}"}

    @classmethod
    def _vals_pmo_committee_meeting(cls):
        return {"committee_id": cls.committee.id, "date": date(2026, 7, 1)}

    @classmethod
    def _vals_pmo_decision(cls):
        return {
            "meeting_id": cls.meeting.id,
            "project_id": cls._project().id,
            "description": "Sec decision",
            "owner_id": cls.users["lead"].id,
            "date_due": date(2026, 7, 31),
        }

    @classmethod
    def _vals_pmo_mspdi_import(cls):
        return {"project_id": cls._project().id}
