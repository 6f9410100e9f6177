import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

const PROGRAMME = "Digital Consular Services";

registry.category("web_tour.tours").add("pmo_portfolio_committee_reports", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps(
            "pmo_portfolio.pmo_portfolio_menu_root",
            "Open the PMO app"
        ),
        {
            content: "Open the Portfolio menu",
            trigger: '.o_menu_sections .dropdown-toggle:contains("Portfolio")',
            run: "click",
        },
        {
            content: "Open the programmes",
            trigger: '.o-dropdown--menu .dropdown-item:contains("Programmes")',
            run: "click",
        },
        {
            content: "Select the programme",
            trigger: `.o_data_row:contains("${PROGRAMME}") .o_list_record_selector input`,
            run: "click",
        },
        {
            content: "Open the Print menu",
            trigger: '.o_cp_action_menus button:has(.fa-print)',
            run: "click",
        },
        {
            content: "The management committee report is offered",
            trigger: '.o-dropdown--menu .o-dropdown-item:contains("Management Committee Report")',
        },
        {
            content: "The portfolio dashboard is offered",
            trigger: '.o-dropdown--menu .o-dropdown-item:contains("Portfolio Dashboard (xlsx)")',
        },
        {
            content: "Close the Print menu",
            trigger: '.o_cp_action_menus button:has(.fa-print)',
            run: "click",
        },
        {
            content: "Open the programme",
            trigger: `.o_data_row:contains("${PROGRAMME}") .o_data_cell[name=name]`,
            run: "click",
        },
        {
            content: "The programme's form is open",
            trigger: `.o_breadcrumb .active:contains("${PROGRAMME}")`,
        },
        {
            content: "Open the form's action menu",
            trigger: ".o_control_panel .o_cp_action_menus button:has(.fa-cog)",
            run: "click",
        },
        {
            content: "Open its Print submenu",
            trigger: '.o-dropdown--menu button:contains("Print")',
            run: "click",
        },
        {
            content: "The management committee report is printable from the form",
            trigger: '.o-dropdown--menu .o_menu_item:contains("Management Committee Report")',
        },
        {
            content: "The dashboard is printable from the form",
            trigger: '.o-dropdown--menu .o_menu_item:contains("Portfolio Dashboard (xlsx)")',
        },
    ],
});
