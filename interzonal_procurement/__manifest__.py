# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "Interzonal Procurement",
    "summary": "Shared framework agreements, lots with ceilings and call-off "
    "orders for Belgian police zones",
    "version": "18.0.1.0.0",
    "category": "Inventory/Purchase",
    "website": "https://github.com/interzonal/odoo-interzonal-pmo",
    "author": "Interzonal Procurement contributors",
    "license": "LGPL-3",
    "depends": [
        "mail",
        "purchase",
        "purchase_stock",
        "purchase_requisition",
        "stock",
        "account",
        "purchase_request",
        "report_xlsx",
        "project",
    ],
    "data": [
        "security/interzonal_procurement_groups.xml",
        "security/ir.model.access.csv",
        "security/interzonal_procurement_security.xml",
        "data/interzonal_procurement_data.xml",
        "report/framework_agreement_reports.xml",
        "report/purchase_request_reports.xml",
        "report/purchase_request_templates.xml",
        "data/purchase_request_data.xml",
        "views/interzonal_zone_views.xml",
        "views/interzonal_framework_agreement_views.xml",
        "views/purchase_requisition_views.xml",
        "views/purchase_order_views.xml",
        "views/interzonal_quotation_template_views.xml",
        "views/purchase_request_views.xml",
        "views/interzonal_procurement_menus.xml",
    ],
    "demo": [
        "demo/res_users_demo.xml",
        "demo/interzonal_procurement_demo.xml",
        "demo/purchase_request_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "interzonal_procurement/static/tests/tours/*.js",
        ],
    },
    "installable": True,
    "application": True,
}
