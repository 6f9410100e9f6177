# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import re
from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare

CPV_PATTERN = re.compile(r"^\d{8}-\d$")
MAX_YEARS = 4
# Statutory caps of late-delivery fines (RD 14 January 2013), in % of the
# value delivered late: 10 % when delivery time was an award criterion.
LATE_FINE_CAP = 7.5
LATE_FINE_CAP_CRITERION = 10.0
# De-minimis modifications stay within this share of a lot's initial value.
MODIFICATION_LIMIT = 10.0
MODIFICATION_LIMIT_WORKS = 15.0


class InterzonalFrameworkAgreement(models.Model):
    _name = "interzonal.framework.agreement"
    _description = "Framework Agreement"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    reference = fields.Char(tracking=True, copy=False)
    procedure_type = fields.Selection(
        [
            ("open", "Open Procedure"),
            ("restricted", "Restricted Procedure"),
            ("negotiated_publication", "Competitive Procedure with Negotiation"),
            ("negotiated_no_publication", "Negotiated Procedure without Publication"),
            ("central_purchasing", "Central Purchasing Body"),
        ],
        required=True,
        default="open",
        tracking=True,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Contract Manager",
        default=lambda self: self.env.user,
        tracking=True,
        check_company=True,
        help="Receives the activities when a lot passes a consumption step.",
    )
    lead_zone_id = fields.Many2one(
        "interzonal.zone",
        check_company=True,
        tracking=True,
        help="Zone that awarded the agreement; it may order from the start date.",
    )
    participation_ids = fields.One2many(
        "interzonal.agreement.participation", "agreement_id", string="Participations"
    )
    date_start = fields.Date(required=True, tracking=True)
    date_end = fields.Date(required=True, tracking=True)
    duration_months = fields.Integer(
        compute="_compute_duration", string="Duration (months)"
    )
    is_long_duration = fields.Boolean(compute="_compute_duration")
    duration_justification = fields.Text(
        tracking=True,
        help="Required when the agreement lasts more than four years.",
    )
    closing_state = fields.Selection(
        [("closed", "Closed"), ("cancelled", "Cancelled")],
        copy=False,
        help="Set by the Close and Cancel buttons; the other states follow "
        "the dates.",
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("running", "Running"),
            ("expired", "Expired"),
            ("closed", "Closed"),
            ("cancelled", "Cancelled"),
        ],
        compute="_compute_state",
        store=True,
        tracking=True,
        index=True,
    )
    lot_ids = fields.One2many(
        "purchase.requisition", "framework_agreement_id", string="Lots"
    )
    lot_count = fields.Integer(compute="_compute_lot_count")
    currency_id = fields.Many2one(
        "res.currency",
        required=True,
        default=lambda self: self.env.company.currency_id,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    cpv_code = fields.Char(string="CPV Code", help="Format XXXXXXXX-Y")
    contract_type = fields.Selection(
        [("supplies", "Supplies"), ("services", "Services"), ("works", "Works")],
        required=True,
        default="supplies",
        tracking=True,
    )
    authority_type = fields.Selection(
        [
            ("central", "Central Government Authority"),
            ("sub_central", "Sub-Central Contracting Authority"),
        ],
        required=True,
        default="sub_central",
        tracking=True,
        help="Which EU threshold applies to the modifications of supplies and "
        "services; works always use the works threshold.",
    )
    modification_limit_percent = fields.Float(
        string="Modification Limit (%)",
        default=10.0,
        tracking=True,
        help="Cumulative modifications of a lot stay within this share of its "
        "initial ceiling.",
    )
    late_fine_rate = fields.Float(
        string="Late Fine Rate (% per day)",
        default=0.07,
        digits=(16, 3),
        tracking=True,
        help="Fine per calendar day of delay, as a share of the value delivered "
        "late (contract documents; 0.07 % by default).",
    )
    is_delivery_time_criterion = fields.Boolean(
        string="Delivery Time Is an Award Criterion",
        tracking=True,
        help="The statutory cap of late-delivery fines is then 10 % instead of "
        "7.5 %.",
    )
    late_fine_cap = fields.Float(
        string="Late Fine Cap (%)",
        compute="_compute_late_fine_cap",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
        help="A fine never exceeds this share of the value delivered late.",
    )
    late_fine_amount = fields.Monetary(
        string="Fines Withheld",
        compute="_compute_late_fine_amount",
        help="Late-delivery fines withheld on posted bills of the call-offs.",
    )
    ceiling_amount = fields.Monetary(compute="_compute_amounts")
    committed_amount = fields.Monetary(compute="_compute_amounts")
    remaining_amount = fields.Monetary(compute="_compute_amounts")
    consumption_percent = fields.Float(compute="_compute_amounts")
    modification_ids = fields.One2many(
        "interzonal.lot.modification",
        "agreement_id",
        string="Modifications",
    )
    document_ids = fields.One2many(
        "interzonal.agreement.document", "agreement_id", string="Documents"
    )
    file_completeness = fields.Float(
        string="Contract File Completeness (%)", compute="_compute_file_completeness"
    )
    missing_document_names = fields.Text(
        string="Missing Documents", compute="_compute_file_completeness"
    )

    @api.depends("date_start", "date_end")
    def _compute_duration(self):
        for agreement in self:
            if agreement.date_start and agreement.date_end:
                delta = relativedelta(
                    agreement.date_end + relativedelta(days=1), agreement.date_start
                )
                agreement.duration_months = delta.years * 12 + delta.months
                agreement.is_long_duration = agreement.date_end >= (
                    agreement.date_start + relativedelta(years=MAX_YEARS)
                )
            else:
                agreement.duration_months = 0
                agreement.is_long_duration = False

    @api.depends("date_start", "date_end", "closing_state")
    def _compute_state(self):
        today = fields.Date.context_today(self)
        for agreement in self:
            agreement.state = agreement._get_state_on(today)

    def _get_state_on(self, date):
        self.ensure_one()
        if self.closing_state:
            return self.closing_state
        if not self.date_start or date < self.date_start:
            return "draft"
        if self.date_end and date > self.date_end:
            return "expired"
        return "running"

    @api.depends("lot_ids")
    def _compute_lot_count(self):
        for agreement in self:
            agreement.lot_count = len(agreement.lot_ids)

    @api.depends(
        "currency_id",
        "lot_ids.ceiling_amount",
        "lot_ids.committed_amount",
        "lot_ids.currency_id",
    )
    def _compute_amounts(self):
        today = fields.Date.context_today(self)
        for agreement in self:
            ceiling = committed = 0.0
            for lot in agreement.lot_ids:
                ceiling += lot.currency_id._convert(
                    lot.ceiling_amount,
                    agreement.currency_id,
                    agreement.company_id,
                    today,
                )
                committed += lot.currency_id._convert(
                    lot.committed_amount,
                    agreement.currency_id,
                    agreement.company_id,
                    today,
                )
            agreement.ceiling_amount = ceiling
            agreement.committed_amount = committed
            agreement.remaining_amount = ceiling - committed
            agreement.consumption_percent = (
                0.0
                if agreement.currency_id.is_zero(ceiling)
                else 100.0 * committed / ceiling
            )

    @api.depends("is_delivery_time_criterion")
    def _compute_late_fine_cap(self):
        for agreement in self:
            agreement.late_fine_cap = (
                LATE_FINE_CAP_CRITERION
                if agreement.is_delivery_time_criterion
                else LATE_FINE_CAP
            )

    @api.depends("currency_id")
    def _compute_late_fine_amount(self):
        today = fields.Date.context_today(self)
        totals = defaultdict(float)
        agreements = self.filtered("id")
        # sudo: sums of the withheld fines per agreement, for its readers; no
        # fine is returned.
        for agreement, currency, amount in (
            self.env["interzonal.late.fine"]
            .sudo()
            ._read_group(
                [
                    ("framework_agreement_id", "in", agreements.ids),
                    ("state", "=", "withheld"),
                ],
                ["framework_agreement_id", "currency_id"],
                ["amount:sum"],
            )
        ):
            totals[agreement.id] += currency._convert(
                amount, agreement.currency_id, agreement.company_id, today
            )
        for agreement in self:
            agreement.late_fine_amount = totals.get(agreement.id, 0.0)

    @api.depends("document_ids.document_type_id", "company_id")
    def _compute_file_completeness(self):
        present = {
            agreement.id: set(type_ids)
            for agreement, type_ids in self.env[
                "interzonal.agreement.document"
            ]._read_group(
                [("agreement_id", "in", self.ids)],
                ["agreement_id"],
                ["document_type_id:array_agg"],
            )
        }
        required_types = self.env["interzonal.document.type"].search(
            [
                ("is_required", "=", True),
                ("company_id", "in", [False, *self.company_id.ids]),
            ]
        )
        for agreement in self:
            required = required_types.filtered(
                lambda t, a=agreement: not t.company_id or t.company_id == a.company_id
            )
            missing = required.filtered(
                lambda t, a=agreement: t.id not in present.get(a.id, set())
            )
            agreement.file_completeness = (
                100.0 * (len(required) - len(missing)) / len(required)
                if required
                else 100.0
            )
            agreement.missing_document_names = "\n".join(missing.mapped("name"))

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        bad = self.filtered(lambda a: a.date_end < a.date_start)
        if bad:
            raise ValidationError(
                _(
                    "The end date comes before the start date for: %(agreements)s",
                    agreements=", ".join(bad.mapped("display_name")),
                )
            )

    @api.constrains("date_start", "date_end", "duration_justification")
    def _check_duration_justification(self):
        bad = self.filtered(
            lambda a: a.is_long_duration
            and not (a.duration_justification or "").strip()
        )
        if bad:
            raise ValidationError(
                _(
                    "A framework agreement longer than four years needs a "
                    "justification: %(agreements)s",
                    agreements=", ".join(bad.mapped("display_name")),
                )
            )

    @api.constrains("cpv_code")
    def _check_cpv_code(self):
        bad = self.filtered(lambda a: a.cpv_code and not CPV_PATTERN.match(a.cpv_code))
        if bad:
            raise ValidationError(
                _(
                    "The CPV code must read XXXXXXXX-Y (eight digits, a dash and a "
                    "check digit): %(codes)s",
                    codes=", ".join(bad.mapped("cpv_code")),
                )
            )

    @api.constrains("modification_limit_percent", "contract_type")
    def _check_modification_limit_percent(self):
        bad = self.filtered(
            lambda a: not 0
            <= a.modification_limit_percent
            <= a._get_max_modification_limit()
        )
        if bad:
            raise ValidationError(
                _(
                    "The modification limit is at most %(supplies)s %% of the "
                    "initial value for supplies and services, %(works)s %% for "
                    "works: %(agreements)s",
                    supplies=MODIFICATION_LIMIT,
                    works=MODIFICATION_LIMIT_WORKS,
                    agreements=", ".join(bad.mapped("display_name")),
                )
            )

    def _get_max_modification_limit(self):
        self.ensure_one()
        if self.contract_type == "works":
            return MODIFICATION_LIMIT_WORKS
        return MODIFICATION_LIMIT

    def _get_eu_threshold(self, day):
        """The EU threshold that applies to the agreement on ``day``, in the
        currency of the threshold table, or ``None`` when none is known."""
        self.ensure_one()
        thresholds = self.env["interzonal.eu.threshold"]._get_for_date(day)
        if not thresholds:
            return None, thresholds.currency_id
        if self.contract_type == "works":
            amount = thresholds.works_amount
        elif self.authority_type == "central":
            amount = thresholds.central_amount
        else:
            amount = thresholds.sub_central_amount
        return amount, thresholds.currency_id

    @api.constrains("late_fine_cap", "is_delivery_time_criterion")
    def _check_late_fine_cap(self):
        bad = self.filtered(
            lambda a: float_compare(
                a.late_fine_cap,
                LATE_FINE_CAP_CRITERION
                if a.is_delivery_time_criterion
                else LATE_FINE_CAP,
                precision_digits=2,
            )
            != 0
        )
        if bad:
            raise ValidationError(
                _(
                    "The late-delivery fine cap is the statutory %(cap)s %%, or "
                    "%(cap_criterion)s %% when delivery time was an award "
                    "criterion: %(agreements)s",
                    cap=LATE_FINE_CAP,
                    cap_criterion=LATE_FINE_CAP_CRITERION,
                    agreements=", ".join(bad.mapped("display_name")),
                )
            )

    @api.constrains("modification_limit_percent", "late_fine_rate")
    def _check_percentages(self):
        bad = self.filtered(
            lambda a: not 0 <= a.modification_limit_percent <= 100
            or a.late_fine_rate < 0
        )
        if bad:
            raise ValidationError(
                _(
                    "Percentages must lie between 0 and 100: %(agreements)s",
                    agreements=", ".join(bad.mapped("display_name")),
                )
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_lots(self):
        used = self.filtered("lot_ids")
        if used:
            raise UserError(
                _(
                    "A framework agreement with lots cannot be deleted, close or "
                    "cancel it instead: %(agreements)s",
                    agreements=", ".join(used.mapped("display_name")),
                )
            )

    def action_close(self):
        self.write({"closing_state": "closed"})

    def action_cancel(self):
        self.write({"closing_state": "cancelled"})

    def action_reopen(self):
        self.write({"closing_state": False})

    def action_view_lots(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "interzonal_procurement.purchase_requisition_lot_action"
        )
        action["domain"] = [("framework_agreement_id", "=", self.id)]
        action["context"] = {
            "default_framework_agreement_id": self.id,
            "default_requisition_type": "blanket_order",
        }
        return action

    def action_view_call_offs(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "interzonal_procurement.purchase_order_call_off_action"
        )
        action["domain"] = [("requisition_id.framework_agreement_id", "=", self.id)]
        return action

    @api.model
    def _cron_update_state(self):
        """Move agreements from draft to running to expired as days pass."""
        agreements = self.search(
            [("closing_state", "=", False), ("state", "in", ("draft", "running"))]
        )
        self.env.add_to_compute(self._fields["state"], agreements)
        agreements.flush_recordset(["state"])
