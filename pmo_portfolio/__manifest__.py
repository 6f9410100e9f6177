# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "PMO Portfolio",
    "summary": "Programmes, earned value, tolerances, indicators and RAG "
    "alerts for a project management office",
    "version": "18.0.1.0.0",
    "category": "Services/Project",
    "website": "https://github.com/interzonal/odoo-interzonal-pmo",
    "author": "Interzonal Procurement contributors",
    "license": "LGPL-3",
    "depends": [
        "mail",
        "project",
        "hr_timesheet",
        "base_automation",
        "report_xlsx",
    ],
    "data": [
        "security/pmo_portfolio_groups.xml",
        "security/ir.model.access.csv",
        "security/pmo_portfolio_security.xml",
        "data/ir_cron_data.xml",
        "data/pmo_portfolio_actions.xml",
        "report/pmo_portfolio_reports.xml",
        "report/pmo_management_committee_templates.xml",
        "views/project_project_views.xml",
        "views/project_milestone_views.xml",
        "views/pmo_programme_views.xml",
        "views/pmo_project_snapshot_views.xml",
        "views/pmo_exception_report_views.xml",
        "views/pmo_indicator_views.xml",
        "views/pmo_indicator_value_views.xml",
        "views/pmo_alert_views.xml",
        "views/res_config_settings_views.xml",
        "views/pmo_portfolio_menus.xml",
    ],
    "demo": [
        "demo/res_company_demo.xml",
        "demo/res_users_demo.xml",
        "demo/pmo_portfolio_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "pmo_portfolio/static/tests/tours/*.js",
        ],
    },
    "installable": True,
    "application": True,
}
