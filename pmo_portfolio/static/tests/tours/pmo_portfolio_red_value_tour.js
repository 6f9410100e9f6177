import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

const PROJECT = "Satellite Link Upgrade";

registry.category("web_tour.tours").add("pmo_portfolio_red_value", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps(
            "pmo_portfolio.pmo_portfolio_menu_root",
            "Open the PMO app"
        ),
        {
            content: "The project is not red yet",
            trigger: `.o_kanban_group:not(:has(.o_column_title:contains("Red"))) .o_kanban_record:contains("${PROJECT}")`,
        },
        {
            content: "Open the Indicators menu",
            trigger: '.o_menu_sections .dropdown-toggle:contains("Indicators")',
            run: "click",
        },
        {
            content: "Open my indicators to submit",
            trigger: '.o-dropdown--menu .dropdown-item:contains("My Indicators to Submit")',
            run: "click",
        },
        {
            content: "Edit the value of the project's row",
            trigger: `.o_pmo_value_submit_list .o_data_row:contains("${PROJECT}") .o_data_cell[name=value]`,
            run: "click",
        },
        {
            content: "Enter a red budget consumption",
            trigger: `.o_data_row:contains("${PROJECT}") .o_field_widget[name=value] input`,
            run: "edit 97",
        },
        {
            content: "Submit the value",
            trigger: `.o_data_row:contains("${PROJECT}") button[name=action_submit]`,
            run: "click",
        },
        {
            content: "The submitted value leaves the list of values to submit",
            trigger: `.o_pmo_value_submit_list:not(:has(.o_data_row:contains("${PROJECT}")))`,
        },
        {
            content: "Back to the portfolio",
            trigger: '.o_menu_sections .dropdown-toggle:contains("Portfolio")',
            run: "click",
        },
        {
            content: "Open the PMO kanban",
            trigger: '.o-dropdown--menu .dropdown-item:contains("Projects")',
            run: "click",
        },
        {
            content: "The project's card is in the red column",
            trigger: `.o_kanban_group:has(.o_column_title:contains("Red")) .o_kanban_record:contains("${PROJECT}")`,
        },
        {
            content: "Switch to the list",
            trigger: ".o_switch_view.o_list",
            run: "click",
        },
        {
            content: "Select the project",
            trigger: `.o_data_row:contains("${PROJECT}") .o_list_record_selector input`,
            run: "click",
        },
        {
            content: "Open the Action menu",
            trigger: '.o_cp_action_menus button:contains("Actions")',
            run: "click",
        },
        {
            content: "Run the server action",
            trigger: '.o-dropdown--menu .o_menu_item:contains("Recompute health")',
            run: "click",
        },
        {
            content: "The project is still red after the recompute",
            trigger: `.o_data_row:contains("${PROJECT}") .o_field_widget[name=health]:contains("Red")`,
        },
    ],
});
